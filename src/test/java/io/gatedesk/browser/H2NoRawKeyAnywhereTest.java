package io.gatedesk.browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.io.gatedesk=INFO")
@ActiveProfiles("test")
class H2NoRawKeyAnywhereTest extends NoRawKeyAnywhereContract {
}
