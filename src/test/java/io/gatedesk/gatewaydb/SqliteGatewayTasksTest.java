package io.gatedesk.gatewaydb;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** The task contract on SQLite, new-api's default database. */
class SqliteGatewayTasksTest extends GatewayTasksContract {

    @TempDir
    Path dir;

    @Override
    String[] newDatabase(boolean withTasks) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(UUID.randomUUID() + ".db");
        NewApiDatabase.create(url, null, null, false);
        if (withTasks) {
            NewApiDatabase.createTasks(url, null, null, false);
        }
        return new String[]{url, null, null};
    }
}
