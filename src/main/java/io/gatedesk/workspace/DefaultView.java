package io.gatedesk.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The view an agent's queue opens with: a built-in's key ({@code mine}) or a saved one ({@code view:12}). */
@Entity
@Table(name = "default_views")
class DefaultView {

    @Id
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "view_ref")
    private String viewRef;

    protected DefaultView() {
    }

    DefaultView(Long userId, String viewRef) {
        this.userId = userId;
        this.viewRef = viewRef;
    }

    String getViewRef() {
        return viewRef;
    }

    void setViewRef(String viewRef) {
        this.viewRef = viewRef;
    }
}
