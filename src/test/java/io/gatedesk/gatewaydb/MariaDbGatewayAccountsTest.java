package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedMariaDb;

/** The account contract on MySQL (a private MariaDB server), new-api's production database, with Connector/J. */
class MariaDbGatewayAccountsTest extends GatewayAccountsContract {

    @Override
    String[] newDatabase() throws Exception {
        String url = EmbeddedMariaDb.newDatabase();
        NewApiDatabase.loadMySqlSchema(url, "root", "", "users", "tokens", "options");
        NewApiDatabase.create(url, "root", "", false);
        return new String[]{url, "root", ""};
    }
}
