package io.gatedesk.secret.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.gatedesk.secret.SecretScanner;

/**
 * The same comparison as {@link ScannerBenchmark} ({@code redact} against a plain {@code indexOf("sk-")} pass over the
 * same 10 MB corpus), timed in CPU time of the measuring thread instead of wall time. On the shared two-core machine
 * other builds take the CPU away in the middle of a JMH iteration, which gave error bars larger than the figures;
 * CPU time counts only the cycles this thread ran. Prints each round and the best of each. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.gatedesk.secret.bench.ScannerCpuTiming [rounds]}.
 */
public final class ScannerCpuTiming {

    private ScannerCpuTiming() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String text = SupportTicketCorpus.generate(ScannerBenchmark.SEED, ScannerBenchmark.CORPUS_CHARS,
                ScannerBenchmark.CHARS_PER_SECRET).text();
        SecretScanner scanner = new SecretScanner();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long bestRedact = Long.MAX_VALUE;
        long bestIndexOf = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += scanner.redact(text).text().length();
            long redacted = threads.getCurrentThreadCpuTime();
            for (int i = text.indexOf("sk-"); i >= 0; i = text.indexOf("sk-", i + 3)) {
                sink++;
            }
            long searched = threads.getCurrentThreadCpuTime();
            bestRedact = Math.min(bestRedact, redacted - start);
            bestIndexOf = Math.min(bestIndexOf, searched - redacted);
            System.out.printf("round %2d  redact %6.1f ms  indexOf %5.2f ms%n", round, (redacted - start) / 1e6,
                    (searched - redacted) / 1e6);
        }
        System.out.printf("best: redact %.1f ms, indexOf(\"sk-\") %.2f ms, ratio %.3f  (checksum %d)%n",
                bestRedact / 1e6, bestIndexOf / 1e6, (double) bestIndexOf / bestRedact, sink);
    }
}
