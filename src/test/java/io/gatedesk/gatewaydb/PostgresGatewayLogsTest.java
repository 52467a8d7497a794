package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedPostgres;

/** The live-log contract on PostgreSQL, which new-api also runs on. */
class PostgresGatewayLogsTest extends GatewayLogsContract {

    @Override
    String[] newDatabase(boolean withTokenId) throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        NewApiDatabase.create(url, "postgres", "postgres", true);
        NewApiDatabase.createLogs(url, "postgres", "postgres", true, withTokenId);
        return new String[]{url, "postgres", "postgres"};
    }
}
