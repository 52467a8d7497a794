package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedMariaDb;

import java.sql.DriverManager;

/** The live-log contract on MySQL (a private MariaDB server): new-api's logs, and one-api's without token_id. */
class MariaDbGatewayLogsTest extends GatewayLogsContract {

    @Override
    String[] newDatabase(boolean withTokenId) throws Exception {
        String url = EmbeddedMariaDb.newDatabase();
        NewApiDatabase.loadMySqlSchema(url, "root", "", "users", "tokens", "options", "logs");
        if (!withTokenId) {
            try (var c = DriverManager.getConnection(url, "root", ""); var s = c.createStatement()) {
                s.execute("ALTER TABLE logs DROP COLUMN token_id");
            }
        }
        NewApiDatabase.create(url, "root", "", false);
        NewApiDatabase.createLogs(url, "root", "", false, withTokenId);
        return new String[]{url, "root", ""};
    }
}
