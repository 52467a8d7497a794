package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Loads the real {@code logback-spring.xml} into a private logger context (so the test JVM's own logging is left
 * alone) and checks what reaches the console.
 */
class MaskingLogOutputTest {

    private static final String KEY = "sk-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";

    @Test
    void aRawKeyLoggedThroughSlf4jReachesTheConsoleOnlyMasked() throws Exception {
        String output = captureConsole(log -> log.info("calling gateway with key {} for ticket {}", KEY, 42));

        assertThat(output).doesNotContain(KEY).contains("calling gateway with key sk-Qx7m…rCjB for ticket 42");
    }

    @Test
    void aRawKeyInAnExceptionMessageIsMaskedInTheStackTrace() throws Exception {
        String output = captureConsole(log -> log.warn("upstream refused",
                new IllegalStateException("401 Incorrect API key provided: " + KEY)));

        assertThat(output).doesNotContain(KEY)
                .contains("upstream refused")
                .contains("IllegalStateException: 401 Incorrect API key provided: sk-Qx7m…rCjB");
    }

    @Test
    void aCustomConsolePatternWithPlainMsgStillMasks() throws Exception {
        String output = captureConsole("%level %msg %ex%n", log -> log.error("key {}", KEY,
                new IllegalArgumentException("bad " + KEY)));

        assertThat(output).doesNotContain(KEY).contains("ERROR key sk-Qx7m…rCjB").contains("bad sk-Qx7m…rCjB");
    }

    private static String captureConsole(Consumer<Logger> logging) throws Exception {
        return captureConsole(null, logging);
    }

    private static String captureConsole(String consolePattern, Consumer<Logger> logging) throws Exception {
        // Swapped before configuring, as the console appender may bind System.out when it starts.
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        // A context made outside SLF4J's own binding has no MDC adapter, and every pattern encoder needs one.
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (consolePattern != null) {
            // What logging.pattern.console becomes when Spring Boot configures logback.
            context.putProperty("CONSOLE_LOG_PATTERN", consolePattern);
        }
        context.start();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(MaskingLogOutputTest.class.getResource("/logback-spring.xml"));
            logging.accept(context.getLogger("io.gatedesk.test"));
        }
        finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
