package io.gatedesk.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** The knowledge base's one setting an admin changes: whether an editor may publish their own text. */
@Component
class KbSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    KbSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean selfPublishing() {
        return jdbc.sql("SELECT self_publishing FROM kb_settings WHERE id = 1").query(Boolean.class).optional()
                .orElse(false);
    }

    @Transactional
    void setSelfPublishing(boolean allowed, String by) {
        jdbc.sql("UPDATE kb_settings SET self_publishing = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(allowed, by, clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
    }
}
