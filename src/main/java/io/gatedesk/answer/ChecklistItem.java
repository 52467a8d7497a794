package io.gatedesk.answer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a category's checklist, in both languages. */
@Entity
@Table(name = "checklist_items")
class ChecklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_key")
    private String key;
    private String category;
    private int position;
    @Column(name = "text_en")
    private String textEn;
    @Column(name = "text_zh")
    private String textZh;
    private boolean active;

    protected ChecklistItem() {
    }

    ChecklistItem(String key, String category, int position, String textEn, String textZh) {
        this.key = key;
        this.active = true;
        update(category, position, textEn, textZh);
    }

    /** True when anything changed. */
    boolean update(String category, int position, String textEn, String textZh) {
        boolean changed = !active || !category.equals(this.category) || position != this.position
                || !textEn.equals(this.textEn) || !textZh.equals(this.textZh);
        this.category = category;
        this.position = position;
        this.textEn = textEn;
        this.textZh = textZh;
        this.active = true;
        return changed;
    }

    void deactivate() {
        this.active = false;
    }

    Long getId() {
        return id;
    }

    String getKey() {
        return key;
    }

    String getCategory() {
        return category;
    }

    boolean isActive() {
        return active;
    }

    String text(String language) {
        return Languages.ZH_CN.equals(language) ? textZh : textEn;
    }
}
