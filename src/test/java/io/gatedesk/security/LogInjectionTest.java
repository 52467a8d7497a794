package io.gatedesk.security;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from outside (a subject, a log line, a header) logged with CR, LF or another line break never starts a line
 * of its own in the real logback configuration: it is written escaped on the line of the event that logged it.
 */
class LogInjectionTest {

    static final String FORGED = "2026-12-05T11:07:26.188Z  INFO 1 --- [gatedesk] [main] i.g.user.LoginAudit : admin logged in";

    @Test
    void lineBreaksInLoggedTextNeverForgeALine() throws Exception {
        for (String lineBreak : List.of("\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C")) {
            String subject = "Cursor fails" + lineBreak + FORGED;
            String output = captureConsole(log -> log.info("Filed GD-1: {} (0 secret(s) masked)", subject));

            assertThat(output.lines().filter(line -> line.startsWith("2026-12-05T11:07:26.188Z")))
                    .as("forged line for %s", escape(lineBreak)).isEmpty();
            assertThat(output.strip().lines()).as(escape(lineBreak)).hasSize(1);
            assertThat(output).contains("Cursor fails" + escape(lineBreak) + FORGED);
        }
    }

    @Test
    void keysAreStillMaskedOnTheSingleLine() throws Exception {
        String key = "sk-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";
        String output = captureConsole(log -> log.warn("body:\n{}", key));

        assertThat(output).doesNotContain(key).contains("body:\\nsk-Qx7m…rCjB");
    }

    private static String escape(String lineBreak) {
        return switch (lineBreak) {
            case "\n" -> "\\n";
            case "\r\n" -> "\\r\\n";
            case "\r" -> "\\r";
            default -> String.format("\\u%04x", (int) lineBreak.charAt(0));
        };
    }

    private static String captureConsole(Consumer<Logger> logging) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogInjectionTest.class.getResource("/logback-spring.xml"));
            logging.accept(context.getLogger("io.gatedesk.test"));
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
