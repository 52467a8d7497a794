package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedMariaDb;

/** The task contract on MySQL (a private MariaDB server), with and without new-api's task tables. */
class MariaDbGatewayTasksTest extends GatewayTasksContract {

    @Override
    String[] newDatabase(boolean withTasks) throws Exception {
        String url = EmbeddedMariaDb.newDatabase();
        NewApiDatabase.loadMySqlSchema(url, "root", "", "users", "tokens", "options");
        NewApiDatabase.create(url, "root", "", false);
        if (withTasks) {
            NewApiDatabase.loadMySqlSchema(url, "root", "", "tasks", "midjourneys");
            NewApiDatabase.createTasks(url, "root", "", false);
        }
        return new String[]{url, "root", ""};
    }
}
