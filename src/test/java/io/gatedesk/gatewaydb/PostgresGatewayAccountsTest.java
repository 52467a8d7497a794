package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedPostgres;

/** The contract on PostgreSQL, which new-api also runs on ({@code SQL_DSN=postgres://…}). */
class PostgresGatewayAccountsTest extends GatewayAccountsContract {

    @Override
    String[] newDatabase() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        NewApiDatabase.create(url, "postgres", "postgres", true);
        return new String[]{url, "postgres", "postgres"};
    }
}
