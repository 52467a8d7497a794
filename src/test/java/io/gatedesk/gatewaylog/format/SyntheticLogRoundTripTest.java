package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticLogRoundTripTest {

    private static final int ROWS = 10_000;

    static Stream<Arguments> formatsAndLayouts() {
        List<Arguments> all = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            if (format == LogFormat.ONE_API_TEXT) {
                all.add(Arguments.of(format, LogContainer.TEXT));
                continue;
            }
            for (LogContainer c : List.of(LogContainer.JSON_ARRAY, LogContainer.JSON_LINES, LogContainer.CSV)) {
                all.add(Arguments.of(format, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("formatsAndLayouts")
    void generatedFilesParseBackWithoutAnyLineError(LogFormat format, LogContainer layout) throws IOException {
        StringWriter file = new StringWriter();
        new SyntheticLogGenerator(7).write(format, layout, ROWS, file);
        String text = file.toString();

        assertThat(LogFormatDetector.detect(text.substring(0, Math.min(text.length(), 8192)), null))
                .as("detected format").contains(format);

        List<LineError> errors = new ArrayList<>();
        ParseOptions options = ParseOptions.utc(UnaryOperator.identity());
        if (format.keyInventory()) {
            List<KeyInventoryEntry> keys = new ArrayList<>();
            ParseSummary summary = GatewayLogParser.parseKeys(format, null, new StringReader(text), options,
                    keys::add, errors::add);
            assertThat(errors).isEmpty();
            assertThat(keys).hasSize(ROWS);
            assertThat(summary.records()).isEqualTo(ROWS);
            assertThat(keys).allSatisfy(k -> assertThat(k.maskedTail()).hasSize(4));
            return;
        }
        List<GatewayLogRecord> records = new ArrayList<>();
        ParseSummary summary = GatewayLogParser.parseLogs(format, null, new StringReader(text), options,
                records::add, errors::add);

        assertThat(errors).isEmpty();
        assertThat(records).hasSize(ROWS);
        assertThat(summary).isEqualTo(new ParseSummary(format, ROWS, 0));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.createdAt()).isNotNull();
            assertThat(r.source()).isNotBlank();
        });
        Set<String> ids = new HashSet<>();
        records.stream().map(GatewayLogRecord::requestId).filter(id -> id != null).forEach(ids::add);
        long withId = records.stream().filter(r -> r.requestId() != null).count();
        assertThat(ids).as("request IDs are distinct").hasSize((int) withId);
        if (format != LogFormat.ONE_API_TABLE && format != LogFormat.LITELLM_ERROR) {
            assertThat(records).anySatisfy(r -> assertThat(r.logType()).isEqualTo(LogType.ERROR));
        }
        assertThat(records).anySatisfy(r -> assertThat(r.logType()).isIn(LogType.CONSUME, LogType.ERROR));
    }
}
