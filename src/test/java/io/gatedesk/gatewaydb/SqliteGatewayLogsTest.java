package io.gatedesk.gatewaydb;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** The live-log contract on SQLite, new-api's default database. */
class SqliteGatewayLogsTest extends GatewayLogsContract {

    @TempDir
    Path dir;

    @Override
    String[] newDatabase(boolean withTokenId) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(UUID.randomUUID() + ".db");
        NewApiDatabase.create(url, null, null, false);
        NewApiDatabase.createLogs(url, null, null, false, withTokenId);
        return new String[]{url, null, null};
    }
}
