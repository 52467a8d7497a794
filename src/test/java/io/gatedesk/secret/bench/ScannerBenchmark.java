package io.gatedesk.secret.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.gatedesk.bench.JmhForks;
import io.gatedesk.secret.Redaction;
import io.gatedesk.secret.SecretScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Throughput of {@link SecretScanner#redact} over a ~10 MB mixed support corpus with one secret per ~20 KB, against
 * the floor of a plain {@code indexOf("sk-")} pass over the same text. Run with
 * {@code ./mvnw -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.gatedesk.secret.bench.ScannerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScannerBenchmark {

    static final long SEED = 20261128L;
    static final int CORPUS_CHARS = 10 * 1024 * 1024;
    static final int CHARS_PER_SECRET = 20 * 1024;

    private String corpus;
    private SecretScanner scanner;

    @Setup
    public void setUp() {
        corpus = SupportTicketCorpus.generate(SEED, CORPUS_CHARS, CHARS_PER_SECRET).text();
        scanner = new SecretScanner();
    }

    @Benchmark
    public Redaction redact() {
        return scanner.redact(corpus);
    }

    @Benchmark
    public int indexOfSk() {
        int count = 0;
        for (int i = corpus.indexOf("sk-"); i >= 0; i = corpus.indexOf("sk-", i + 3)) {
            count++;
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        JmhForks.exposeClasspath();
        SupportTicketCorpus.Corpus corpus = SupportTicketCorpus.generate(SEED, CORPUS_CHARS, CHARS_PER_SECRET);
        double megabytes = corpus.text().getBytes(StandardCharsets.UTF_8).length / 1_000_000.0;
        Options options = new OptionsBuilder()
                .include(ScannerBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("%nCorpus: %,d chars, %.2f MB UTF-8, %d secrets%n", corpus.text().length(), megabytes,
                corpus.secrets().size());
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf("%-12s %10.1f ± %8.1f MB/s  (%.2f ± %.2f passes/s)%n",
                    name.substring(name.lastIndexOf('.') + 1), score * megabytes, error * megabytes, score, error);
        }
    }
}
