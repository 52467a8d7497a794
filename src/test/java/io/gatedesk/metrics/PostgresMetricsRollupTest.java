package io.gatedesk.metrics;

import io.gatedesk.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "gatedesk.site.time-zone=Asia/Shanghai")
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
class PostgresMetricsRollupTest extends MetricsRollupContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
