package io.gatedesk.gatewaylog.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 1M-row file is generated and parsed in a child JVM whose heap (64 MB) is far smaller than the file, so a parser
 * that loaded the file whole would fail with OutOfMemoryError. Prints its figures; asserts no times.
 */
class StreamingMemoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"ONE_API_TEXT, TEXT", "NEW_API_TABLE, JSON_ARRAY", "LITELLM_SPEND, CSV"})
    void aMillionRowFileStreamsThroughASmallHeap(String format, String container)
            throws IOException, InterruptedException {
        Path file = dir.resolve("big-" + format);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(),
                format, container, "1000000", file.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.out.print(output);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("1000000 records, 0 errors");
    }
}
