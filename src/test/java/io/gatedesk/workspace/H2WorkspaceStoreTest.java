package io.gatedesk.workspace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2WorkspaceStoreTest extends WorkspaceStoreContract {
}
