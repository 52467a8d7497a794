package io.gatedesk.triage.bench;

import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.gatedesk.bench.JmhForks;
import io.gatedesk.triage.Classification;
import io.gatedesk.triage.Classifier;
import io.gatedesk.triage.SeedRules;
import io.gatedesk.triage.TriageCorpus;
import io.gatedesk.triage.TriageInput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Time of {@link Classifier#classify} with the seed rules: over the labelled ticket corpus (one operation classifies
 * every case) and over one long pasted gateway log, with the required-literal prefilter on and off. Run with
 * {@code ./mvnw -B -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.gatedesk.triage.bench.ClassifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClassifierBenchmark {

    static final long SEED = 20261201L;
    static final int LOG_CHARS = 12 * 1024;

    @Param({"on", "off"})
    public String prefilter;

    private Classifier classifier;
    private List<TriageInput> corpus;
    private TriageInput pastedLog;

    @Setup
    public void setUp() {
        classifier = prefilter.equals("on") ? SeedRules.classifier() : SeedRules.classifierWithoutPrefilter();
        corpus = TriageCorpus.inputs();
        pastedLog = new TriageInput(null, "relay error (channel #7, status code: 504)", pastedLog(SEED, LOG_CHARS),
                "Cherry Studio", "https://api.gw.example.com", "gpt-4o", List.of());
    }

    @Benchmark
    public void corpus(Blackhole blackhole) {
        for (TriageInput input : corpus) {
            blackhole.consume(classifier.classify(input));
        }
    }

    @Benchmark
    public Classification pastedLog() {
        return classifier.classify(pastedLog);
    }

    public static void main(String[] args) throws Exception {
        JmhForks.exposeClasspath();
        int corpusSize = TriageCorpus.inputs().size();
        Options options = new OptionsBuilder()
                .include(ClassifierBenchmark.class.getName())
                .forks(1)
                .warmupIterations(4).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.printf("%nCorpus: %d tickets; pasted log: %,d chars%n", corpusSize, pastedLog(SEED, LOG_CHARS).length());
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            int perOperation = name.equals("corpus") ? corpusSize : 1;
            double score = result.getPrimaryResult().getScore() / perOperation;
            double error = result.getPrimaryResult().getScoreError() / perOperation;
            System.out.printf("%-10s prefilter %-3s %10.1f ± %7.1f µs per classification%n", name,
                    result.getParams().getParam("prefilter"), score, error);
        }
    }

    /**
     * What customers paste when asked for logs: a new-api container log with request lines, channel notes, a
     * Python client's retries and traceback, and one error that says what went wrong, near the end.
     */
    static String pastedLog(long seed, int chars) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] models = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "deepseek-chat", "qwen2.5-72b-instruct"};
        StringBuilder log = new StringBuilder(chars + 2048);
        while (log.length() < chars) {
            String time = String.format("2024/11/02 - 14:%02d:%02d", random.nextInt(60), random.nextInt(60));
            String requestId = "2024110214" + (100_000_000 + random.nextInt(900_000_000)) + (10_000_000 + random.nextInt(90_000_000));
            String model = models[random.nextInt(models.length)];
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> log.append("[GIN] ").append(time).append(" | ").append(requestId).append(" |     200 |  ")
                        .append(random.nextInt(9000)).append(".").append(random.nextInt(100)).append("ms |   172.18.0.")
                        .append(random.nextInt(255)).append(" | POST     \"/v1/chat/completions\"\n");
                case 3 -> log.append("[INFO] ").append(time).append(" | ").append(requestId)
                        .append(" | user 1 has enough quota 4987654, trusted and no need to pre-consume, model ")
                        .append(model).append(", channel #").append(1 + random.nextInt(9)).append('\n');
                case 4 -> log.append("[SYS] ").append(time).append(" | 渠道 #").append(1 + random.nextInt(9))
                        .append(" 测试成功，耗时 ").append(random.nextInt(3000)).append(" ms，模型 ").append(model).append('\n');
                case 5 -> log.append("2024-11-02 14:").append(random.nextInt(60)).append(" DEBUG httpx: HTTP Request: POST ")
                        .append("https://api.gw.example.com/v1/chat/completions \"HTTP/1.1 200 OK\"\n");
                default -> log.append("{\"level\":\"info\",\"ts\":\"2024-11-02T14:03:").append(random.nextInt(60))
                        .append("Z\",\"msg\":\"record consume log\",\"model\":\"").append(model)
                        .append("\",\"prompt_tokens\":").append(random.nextInt(4000)).append(",\"completion_tokens\":")
                        .append(random.nextInt(2000)).append(",\"request_id\":\"").append(requestId).append("\"}\n");
            }
        }
        log.append("[ERR] 2024/11/02 - 14:59:58 | 20241102145958123456789 | relay error (channel #7, status code: 504): ")
                .append("upstream request timeout after 120s\n")
                .append("Traceback (most recent call last):\n")
                .append("  File \"/app/main.py\", line 88, in ask\n")
                .append("    resp = client.chat.completions.create(model=\"gpt-4o\", messages=msgs, stream=True)\n")
                .append("  File \"/usr/local/lib/python3.11/site-packages/openai/_base_client.py\", line 1049, in _request\n")
                .append("    raise self._make_status_error_from_response(err.response) from None\n")
                .append("openai.InternalServerError: Error code: 504 - {'error': {'message': 'relay error', 'type': 'new_api_error'}}\n")
                .append("日志就这些，麻烦看一下为什么一直 504，谢谢。\n");
        return log.toString();
    }
}
