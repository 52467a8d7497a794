package io.gatedesk.gatewaylog.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Run in a separate JVM with a small heap by {@link StreamingMemoryTest}: generates a file, parses it back and exits
 * 0 only if every row came back without a line error. Prints rows, file size and peak heap.
 */
final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws IOException {
        LogFormat format = LogFormat.valueOf(args[0]);
        LogContainer container = LogContainer.valueOf(args[1]);
        long rows = Long.parseLong(args[2]);
        Path file = Path.of(args[3]);
        new SyntheticLogGenerator(11).write(format, container, rows, file);
        long[] counts = new long[2];
        long[] peak = new long[1];
        Runtime rt = Runtime.getRuntime();
        try (InputStream in = Files.newInputStream(file)) {
            GatewayLogParser.parseLogs(format, in, ParseOptions.utc(UnaryOperator.identity()), r -> {
                if (++counts[0] % 50_000 == 0) {
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                }
            }, e -> counts[1]++);
        }
        System.out.printf("%s %s: %d records, %d errors, file %d MB, max heap %d MB, peak used %d MB%n", format,
                container, counts[0], counts[1], Files.size(file) >> 20, rt.maxMemory() >> 20, peak[0] >> 20);
        Files.delete(file);
        System.exit(counts[0] == rows && counts[1] == 0 ? 0 : 1);
    }
}
