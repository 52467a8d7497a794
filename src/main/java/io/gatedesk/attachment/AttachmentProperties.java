package io.gatedesk.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a customer or agent may attach at once. The servlet's multipart limits
 * ({@code spring.servlet.multipart.*}) stay above these, so an oversized file reaches the application and gets a
 * message on the form it came with instead of a bare error page.
 */
@ConfigurationProperties("gatedesk.attachments")
record AttachmentProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("5") int maxFiles) {
}
