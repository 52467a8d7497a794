package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.format.LineErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The import's messages exist in English and Chinese alike, for every code the importer can report. */
class GatewayLogMessagesTest {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(GatewayLogMessagesTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    static Set<String> logKeys(Properties properties) {
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("logs.")).forEach(keys::add);
        return keys;
    }

    @Test
    void englishAndChineseHaveTheSameGatewayLogKeys() throws IOException {
        assertThat(logKeys(load("messages_zh_CN.properties"))).isEqualTo(logKeys(load("messages.properties")));
    }

    @Test
    void everyLineErrorCodeAndTheInterruptedFailureAreTranslated() throws IOException {
        for (Properties messages : new Properties[]{load("messages.properties"), load("messages_zh_CN.properties")}) {
            assertThat(messages.stringPropertyNames()).contains("logs.import.error." + LogImportService.INTERRUPTED);
            assertThat(messages.stringPropertyNames()).containsAll(Arrays.stream(LineErrorCode.values())
                    .map(code -> "logs.lineError." + code.name()).toList());
        }
    }
}
