package io.gatedesk.selfservice;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the settings and catalogue store must do on every database GateDesk runs on (V6 applied by Flyway). */
abstract class SiteStoreContract {

    @Autowired
    SiteSettingsService site;
    @Autowired
    DeflectionCounter deflection;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM catalogue_models");
        jdbc.update("DELETE FROM site_settings");
    }

    @Test
    void propertiesApplyUntilTheFirstSaveThenTheStoredRowWins() {
        assertThat(site.lastSaved()).isEmpty();
        site.save(new SiteSettingsService.SettingsCommand("Store Test", "https://gw.store.test/v1",
                "https://store.test, https://store.test/console"), "admin");
        site.save(new SiteSettingsService.SettingsCommand("Store Test 2", "https://gw.store.test",
                "https://store.test"), "admin");
        assertThat(site.current()).isEqualTo(new SiteSettings("Store Test 2", "https://gw.store.test",
                List.of("https://store.test")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site_settings", Integer.class)).isEqualTo(1);
        assertThat(site.lastSaved()).isPresent();
    }

    @Test
    void catalogueKeepsNamesUniqueAndAliasesAndGroupsAsLists() {
        site.saveModel(null, new SiteSettingsService.ModelCommand("claude-3-5-sonnet", "sonnet, claude sonnet",
                "vip,default"));
        site.importModels("{\"object\":\"list\",\"data\":[{\"id\":\"claude-3-5-sonnet\"},{\"id\":\"qwen-max\"},"
                + "{\"id\":\"qwen-max\"},{\"id\":\"模型-中文\"}]}");
        assertThat(site.catalogue()).containsExactly(
                new CatalogueModel("claude-3-5-sonnet", List.of("sonnet", "claude sonnet"), List.of("vip", "default")),
                new CatalogueModel("qwen-max", List.of(), List.of()),
                new CatalogueModel("模型-中文", List.of(), List.of()));
        assertThatThrownBy(() -> site.saveModel(null, new SiteSettingsService.ModelCommand("qwen-max", "", "")))
                .isInstanceOf(SiteSettingsService.InvalidSettingsException.class);
    }

    @Test
    void deflectionSummaryGroupsByKindAndChannel() {
        deflection.checkEnded(DeflectionKind.CONFIG_CHECK, DeflectionChannel.API, true);
        deflection.checkEnded(DeflectionKind.DIAGNOSIS, DeflectionChannel.API, null);
        assertThat(deflection.summary().rows()).extracting(DeflectionSummary.Row::kind)
                .contains(DeflectionKind.CONFIG_CHECK, DeflectionKind.DIAGNOSIS);
    }
}
