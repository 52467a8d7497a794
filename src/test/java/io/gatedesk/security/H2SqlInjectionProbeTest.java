package io.gatedesk.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2SqlInjectionProbeTest extends SqlInjectionProbeContract {
}
