package io.gatedesk.incident;

import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.bench.StatementCounter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "logging.level.io.gatedesk=WARN")
@ActiveProfiles({"test", "postgres"})
@Import(StatementCounter.class)
class PostgresIncidentBulkBenchmark extends IncidentBulkBench {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Override
    String database() {
        return "PostgreSQL 17";
    }
}
