package io.gatedesk.attachment;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2AttachmentStorageTest extends AttachmentStorageContract {
}
