package io.gatedesk.secret.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two builds of the scanner in one JVM, alternating each round over the {@link ScannerBenchmark} corpus, beside
 * {@code indexOf("sk-")}, in thread CPU time: separate JVMs on the shared machine moved the {@code indexOf} floor
 * between 2.3 and 5.8 ms, which moved every ratio with it. Also checks that both give the identical redacted text.
 * Run with {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * io.gatedesk.secret.bench.ScannerSideBySide OLD_CLASSES_DIR NEW_CLASSES_DIR [rounds]}; the first third of the rounds
 * warms up and is not counted.
 */
public final class ScannerSideBySide {

    private ScannerSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        String text = SupportTicketCorpus.generate(ScannerBenchmark.SEED, ScannerBenchmark.CORPUS_CHARS,
                ScannerBenchmark.CHARS_PER_SECRET).text();
        Build[] builds = {new Build(args[0]), new Build(args[1])};
        String old = builds[0].redact(text);
        System.out.printf("outputs identical: %s (%d characters)%n", old.equals(builds[1].redact(text)), old.length());

        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmUp = rounds / 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int b = 0; b < 2; b++) {
                long start = threads.getCurrentThreadCpuTime();
                sink += builds[b].redact(text).length();
                long end = threads.getCurrentThreadCpuTime();
                if (round >= warmUp) {
                    times.get(b).add(end - start);
                }
            }
            long start = threads.getCurrentThreadCpuTime();
            for (int i = text.indexOf("sk-"); i >= 0; i = text.indexOf("sk-", i + 3)) {
                sink++;
            }
            if (round >= warmUp) {
                times.get(2).add(threads.getCurrentThreadCpuTime() - start);
            }
        }
        double indexOfBest = Collections.min(times.get(2)) / 1e6;
        double indexOfMedian = median(times.get(2));
        String[] names = {"old", "new", "indexOf"};
        for (int b = 0; b < 3; b++) {
            double best = Collections.min(times.get(b)) / 1e6;
            double median = median(times.get(b));
            System.out.printf("%-8s best %6.2f ms  median %6.2f ms  ratio best %.3f  median %.3f%n", names[b], best,
                    median, indexOfBest / best, indexOfMedian / median);
        }
        System.out.printf("(%d of %d rounds counted, checksum %d)%n", rounds - warmUp, rounds, sink);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    /** One build's {@code SecretScanner}, loaded from its classes directory with the test class path's libraries. */
    private static final class Build {

        private final Object scanner;
        private final Method redact;
        private final Method text;

        Build(String classesDir) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(new File(classesDir).toURI().toURL());
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass("io.gatedesk.secret.SecretScanner");
            scanner = type.getConstructor().newInstance();
            redact = type.getMethod("redact", String.class);
            text = loader.loadClass("io.gatedesk.secret.Redaction").getMethod("text");
        }

        String redact(String input) throws Exception {
            return (String) text.invoke(redact.invoke(scanner, input));
        }
    }
}
