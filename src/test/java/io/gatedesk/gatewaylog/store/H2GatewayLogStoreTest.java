package io.gatedesk.gatewaylog.store;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2GatewayLogStoreTest extends GatewayLogStoreContract {
}
