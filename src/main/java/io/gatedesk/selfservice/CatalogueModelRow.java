package io.gatedesk.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "catalogue_models")
class CatalogueModelRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String aliases;
    @Column(name = "groups_allowed")
    private String groups;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CatalogueModelRow() {
    }

    CatalogueModelRow(CatalogueModel model, Instant now) {
        update(model);
        this.createdAt = now;
    }

    void update(CatalogueModel model) {
        this.name = model.name();
        this.aliases = String.join(",", model.aliases());
        this.groups = String.join(",", model.groups());
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    CatalogueModel toModel() {
        return new CatalogueModel(name, split(aliases), split(groups));
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
    }
}
