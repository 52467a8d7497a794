package io.gatedesk.faults;

import io.gatedesk.GateDeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The default H2 file database on a disk that fills up: GateDesk's data folder on a small tmpfs (mounted by the test,
 * so it needs root and is skipped otherwise), the rest of the disk filled by a filler file, tickets sent until H2
 * cannot write. The failure must be a 503 with a clear message, not a 500; after the disk has room again and GateDesk
 * is restarted the database opens and every ticket acknowledged before the disk filled up reads back.
 */
class FullDiskH2Test {

    private static final Pattern NUMBER = Pattern.compile("\"number\":\"(GD-\\d+)\"");

    @Test
    void aFullDiskAnswers503AndTheDataReadsBackAfterARestart() throws Exception {
        Path mountPoint = Files.createTempDirectory("gatedesk-full-disk-");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mountPoint.toString()),
                "mounting a small tmpfs needs root");
        try {
            Path dataDir = mountPoint.resolve("data");
            List<String> beforeFull = new ArrayList<>();
            int acknowledgedWhileFilling = 0;
            HttpResponse<String> refused = null;
            HttpResponse<String> page = null;
            try (ConfigurableApplicationContext app = start(dataDir)) {
                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> filed = file(http, base, "Before the disk filled up " + i, 100);
                    assertThat(filed.statusCode()).isEqualTo(201);
                    beforeFull.add(number(filed));
                }
                // Give H2's background writer time to put those commits into the file before the disk fills.
                Thread.sleep(2_000);
                Path filler = mountPoint.resolve("filler");
                fill(filler);
                for (int i = 0; i < 300 && refused == null; i++) {
                    HttpResponse<String> answer = file(http, base, "While the disk is full " + i, 15_000);
                    if (answer.statusCode() == 201) {
                        acknowledgedWhileFilling++;
                    } else {
                        refused = answer;
                    }
                    Thread.sleep(20);
                }
                page = http.send(HttpRequest.newBuilder(URI.create(base + "/help")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Files.delete(filler);
            }
            System.out.printf("Full disk: %d tickets before the disk filled, %d more acknowledged while it filled;"
                            + " then %d %s; a page then answered %d%n", beforeFull.size(), acknowledgedWhileFilling,
                    refused == null ? 0 : refused.statusCode(), refused == null ? "" : refused.body(),
                    page.statusCode());

            assertThat(refused).as("H2 eventually could not write").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("DATABASE_UNAVAILABLE").doesNotContain("Exception");
            assertThat(page.statusCode()).isIn(200, 503);
            if (page.statusCode() == 503) {
                assertThat(page.body()).contains("GateDesk cannot reach its database").doesNotContain("Exception");
            }

            try (ConfigurableApplicationContext restarted = start(dataDir)) {
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                for (String number : beforeFull) {
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE id = ?", Integer.class,
                            Long.parseLong(number.substring(3)))).as(number).isEqualTo(1);
                }
                String base = "http://localhost:" + restarted.getEnvironment().getProperty("local.server.port");
                assertThat(file(HttpClient.newHttpClient(), base, "After the restart", 100).statusCode())
                        .isEqualTo(201);
            }
        } finally {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static HttpResponse<String> file(HttpClient http, String base, String subject, int descriptionLength)
            throws IOException, InterruptedException {
        String description = "x".repeat(descriptionLength);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + subject + "\",\"description\":\""
                        + description + "\",\"name\":\"Ann\",\"email\":\"ann@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String number(HttpResponse<String> filed) {
        Matcher number = NUMBER.matcher(filed.body());
        assertThat(number.find()).isTrue();
        return number.group(1);
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: exactly what this test wants.
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(GateDeskApplication.class).run("--server.port=0",
                "--gatedesk.data-dir=" + dataDir, "--gatedesk.admin.initial-password=", "--logging.level.root=WARN",
                "--gatedesk.rate-limit.enabled=false", "--gatedesk.triage.async=false");
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
