package io.gatedesk.gatewaydb;

import io.gatedesk.support.EmbeddedPostgres;

/** The task contract on PostgreSQL, which new-api also runs on. */
class PostgresGatewayTasksTest extends GatewayTasksContract {

    @Override
    String[] newDatabase(boolean withTasks) throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        NewApiDatabase.create(url, "postgres", "postgres", true);
        if (withTasks) {
            NewApiDatabase.createTasks(url, "postgres", "postgres", true);
        }
        return new String[]{url, "postgres", "postgres"};
    }
}
