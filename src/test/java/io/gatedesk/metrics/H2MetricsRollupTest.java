package io.gatedesk.metrics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "gatedesk.site.time-zone=Asia/Shanghai")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class H2MetricsRollupTest extends MetricsRollupContract {
}
