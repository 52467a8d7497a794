package io.gatedesk.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The one stored row of site settings; absent until an admin first saves them (the properties apply until then). */
@Entity
@Table(name = "site_settings")
class SiteSettingsRow {

    static final int ONLY_ID = 1;

    @Id
    private Integer id;
    private String name;
    @Column(name = "api_base_url")
    private String apiBaseUrl;
    @Column(name = "web_urls")
    private String webUrls;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Version
    private long version;

    protected SiteSettingsRow() {
    }

    SiteSettingsRow(SiteSettings settings, String updatedBy, Instant now) {
        this.id = ONLY_ID;
        update(settings, updatedBy, now);
    }

    void update(SiteSettings settings, String updatedBy, Instant now) {
        this.name = settings.name();
        this.apiBaseUrl = settings.apiBaseUrl();
        this.webUrls = String.join(",", settings.webUrls());
        this.updatedBy = updatedBy;
        this.updatedAt = now;
    }

    SiteSettings toSettings() {
        return new SiteSettings(name, apiBaseUrl, SiteSettings.splitUrls(webUrls));
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
