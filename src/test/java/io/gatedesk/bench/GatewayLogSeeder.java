package io.gatedesk.bench;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes gateway log rows straight into {@code gateway_log_entries} on PostgreSQL by {@code COPY}, in time order over
 * a span (as a gateway's logs arrive), through the partitioned parent so that each row lands in its month. One thread
 * writes CSV chunks while the caller's thread copies the previous one. The rows look like what the importer stores from
 * a new-api export: a request ID in nine of ten, a key's prefix and last four (a SHA-256 fingerprint in a third), one
 * of a few thousand users and keys, the model mix of a gateway, an error in one of ten. Request IDs carry a running
 * number, so no two collide and COPY never meets the dedupe index. Only for benchmarks.
 */
final class GatewayLogSeeder {

    static final String COLUMNS = "dedupe_key, source, request_id, created_at, log_type, user_id, username, key_name,"
            + " key_id, key_hash_sha256, key_prefix, key_last4, group_name, model, upstream_model, channel_id,"
            + " channel_name, status_code, error_type, error_code, error_message, prompt_tokens, completion_tokens,"
            + " cost_usd, quota_raw, latency_ms, ttft_ms, is_stream, client_ip, request_path, content_hash, import_id";
    private static final int CHUNK = 50_000;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "claude-3-5-sonnet",
            "claude-3-7-sonnet", "gemini-2.0-flash", "deepseek-chat", "deepseek-reasoner", "qwen-max",
            "text-embedding-3-small", "gpt-4o-mini"};
    private static final String[] ERRORS = {
            "429|rate_limit_exceeded|Rate limit reached for requests",
            "401|invalid_api_key|Invalid token",
            "403|insufficient_quota|user quota is not enough",
            "500|upstream_error|upstream error: do request failed",
            "502|bad_gateway|bad response status code 502",
            "504|timeout|context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
            "400|context_length_exceeded|This model's maximum context length is 128000 tokens"};
    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String HEX = "0123456789abcdef";

    private final DataSource dataSource;

    GatewayLogSeeder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies {@code rows} rows spread evenly from {@code from} to {@code to}; returns the rows copied. */
    long seed(long rows, Instant from, Instant to, long seed) throws Exception {
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(2);
        byte[] end = new byte[0];
        Thread writer = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            double step = (double) (to.toEpochMilli() - from.toEpochMilli()) / rows;
            StringBuilder csv = new StringBuilder(CHUNK * 400);
            try {
                for (long n = 0; n < rows; n++) {
                    row(csv, random, seed, n, from.toEpochMilli() + (long) (n * step));
                    if ((n + 1) % CHUNK == 0) {
                        chunks.put(csv.toString().getBytes(StandardCharsets.UTF_8));
                        csv.setLength(0);
                    }
                }
                if (!csv.isEmpty()) {
                    chunks.put(csv.toString().getBytes(StandardCharsets.UTF_8));
                }
                chunks.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "log-seed-writer");
        writer.setDaemon(true);
        writer.start();
        long copied = 0;
        long started = System.nanoTime();
        long reported = started;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (byte[] chunk = chunks.take(); chunk != end; chunk = chunks.take()) {
                copied += copy.copyIn("COPY gateway_log_entries (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new ByteArrayInputStream(chunk));
                if (System.nanoTime() - reported > 30e9) {
                    reported = System.nanoTime();
                    LoadBenchmark.out("    log rows copied: %,d of %,d (%.0f rows/s so far)", copied, rows,
                            copied / LoadBenchmark.seconds(started));
                }
            }
        }
        return copied;
    }

    private static void row(StringBuilder csv, SplittableRandom random, long seed, long n, long epochMilli) {
        Instant at = Instant.ofEpochMilli(epochMilli);
        int user = random.nextInt(5_000);
        int key = user * 3 + random.nextInt(3);
        boolean withRequestId = random.nextInt(10) != 0;
        String requestId = withRequestId ? ID_TIME.format(at) + random(random, ALNUM, 8)
                + Long.toString(seed, 36) + "x" + Long.toString(n, 36) : null;
        String hash = random(random, HEX, 64);
        String model = MODELS[random.nextInt(MODELS.length)];
        String[] error = random.nextInt(10) == 0 ? ERRORS[random.nextInt(ERRORS.length)].split("\\|") : null;
        long prompt = 20 + random.nextInt(6_000);
        long completion = error != null ? 0 : random.nextInt(2_000);
        csv.append(withRequestId ? "new-api:" + requestId : "new-api:#" + hash).append(",new-api,")
                .append(requestId == null ? "" : requestId).append(',').append(at).append(',')
                .append(error != null ? "error" : "consume").append(',')
                .append(user).append(",user").append(user).append(",key-").append(key).append(',').append(key)
                .append(',');
        if (key % 3 == 0) {
            csv.append(sha256Like(key));
        }
        csv.append(",sk-").append(keyChars(key, 4)).append(',').append(keyChars(key * 7 + 1, 4))
                .append(",default,").append(model).append(',').append(model).append(',')
                .append(key % 40).append(",channel-").append(key % 40).append(',')
                .append(error != null ? error[0] : "200").append(',');
        if (error != null) {
            csv.append(error[1]).append(',').append(error[1]).append(",\"").append(error[2]).append('"');
        } else {
            csv.append(",,");
        }
        csv.append(',').append(prompt).append(',').append(completion).append(',')
                .append((prompt + completion * 4) / 100_000.0).append(',').append((prompt + completion * 4) * 5)
                .append(',').append(200 + random.nextInt(20_000)).append(',').append(100 + random.nextInt(2_000))
                .append(',').append(random.nextBoolean()).append(",10.").append(user % 256).append('.')
                .append(key % 256).append(".7,/v1/chat/completions,").append(hash).append(",\n");
    }

    private static String random(SplittableRandom random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    private static String keyChars(int key, int length) {
        SplittableRandom random = new SplittableRandom(key * 31L + 7);
        return random(random, ALNUM, length);
    }

    private static String sha256Like(int key) {
        return random(new SplittableRandom(key * 17L + 3), HEX, 64);
    }
}
