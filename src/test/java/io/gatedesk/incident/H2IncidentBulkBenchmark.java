package io.gatedesk.incident;

import io.gatedesk.bench.StatementCounter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "logging.level.io.gatedesk=WARN")
@ActiveProfiles("test")
@Import(StatementCounter.class)
class H2IncidentBulkBenchmark extends IncidentBulkBench {

    @Override
    String database() {
        return "H2";
    }
}
