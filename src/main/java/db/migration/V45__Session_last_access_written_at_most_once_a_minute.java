package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * PostgreSQL only: Spring Session JDBC writes {@code spring_session.last_access_time} (and the expiry after it) on
 * every request, so every page view was a row update and a WAL flush at commit. This trigger skips the update when
 * nothing but the access time moved, and by less than a minute: a session then expires at most a minute before its
 * idle timeout says, and the sessions list shows a last access at most a minute old. A new session id (login, the
 * fixation protection), another principal or another timeout is always written; attributes have their own table and
 * are not touched by it. Spring Session ignores the update count. H2 (one node, a file on disk) keeps every write.
 */
public class V45__Session_last_access_written_at_most_once_a_minute extends BaseJavaMigration {

    static final long SKIP_BELOW_MILLIS = 60_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE FUNCTION spring_session_skip_touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.session_id = OLD.session_id
                                AND NEW.max_inactive_interval = OLD.max_inactive_interval
                                AND NEW.principal_name IS NOT DISTINCT FROM OLD.principal_name
                                AND NEW.last_access_time >= OLD.last_access_time
                                AND NEW.last_access_time - OLD.last_access_time < %d THEN
                            RETURN NULL;
                        END IF;
                        RETURN NEW;
                    END
                    $$""".formatted(SKIP_BELOW_MILLIS));
            sql.execute("CREATE TRIGGER spring_session_skip_touch BEFORE UPDATE ON spring_session FOR EACH ROW "
                    + "EXECUTE FUNCTION spring_session_skip_touch()");
        }
    }
}
