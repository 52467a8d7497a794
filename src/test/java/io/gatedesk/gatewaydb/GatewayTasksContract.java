package io.gatedesk.gatewaydb;

import io.gatedesk.secret.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a new-api database for the image, video and music tasks a ticket names, on each engine new-api runs on,
 * beside a source that is down: the same answers from the same rows, and never a prompt, result URL or key.
 */
abstract class GatewayTasksContract {

    GatewaySources sources;
    GatewayTasks tasks;

    /** A fresh new-api database on this engine, with or without its task tables; its JDBC URL, user and password. */
    abstract String[] newDatabase(boolean withTasks) throws Exception;

    void connect(boolean withTasks) throws Exception {
        String[] db = newDatabase(withTasks);
        GatewaySourceProperties properties = NewApiDatabase.mainBesideADownSource(db);
        sources = new GatewaySources(properties, Clock.systemUTC());
        tasks = new GatewayTasks(sources, new TaskReader(new SecretScanner()), properties);
    }

    @BeforeEach
    void withTaskTables() throws Exception {
        connect(true);
    }

    @AfterEach
    void close() {
        if (sources != null) {
            sources.destroy();
        }
    }

    private SourceTasks main(List<String> ids) {
        List<SourceTasks> answers = tasks.tasksFor(ids);
        assertThat(answers).extracting(SourceTasks::source).containsExactly("down", "main");
        assertThat(answers.get(0).failed()).as("the other source is down").isTrue();
        assertThat(answers.get(0).downSince()).isNotNull();
        assertThat(answers.get(1).error()).isNull();
        return answers.get(1);
    }

    @Test
    void aSucceededTaskShowsPlatformActionProgressTimesAndQuotaButNotItsResultUrl() {
        GatewayTask task = main(List.of(NewApiDatabase.MUSIC_TASK)).tasks().get(0);

        assertThat(task.taskId()).isEqualTo(NewApiDatabase.MUSIC_TASK);
        assertThat(task.source()).isEqualTo("main");
        assertThat(task.platform()).isEqualTo("suno");
        assertThat(task.action()).isEqualTo("MUSIC");
        assertThat(task.status()).isEqualTo("SUCCESS");
        assertThat(task.state()).isEqualTo("success");
        assertThat(task.progress()).isEqualTo("100%");
        assertThat(task.failReason()).as("old rows keep the result URL there").isNull();
        assertThat(task.submittedAt()).isNotNull();
        assertThat(task.finishedAt()).isAfter(task.submittedAt());
        assertThat(task.quota()).isEqualTo(100_000L);
        assertThat(task.quotaUsd()).isEqualByComparingTo(new BigDecimal("0.20"));
        assertThat(task.userId()).isEqualTo(7L);
    }

    @Test
    void aFailedTaskShowsItsReasonWithAnyKeyInItMasked() {
        GatewayTask task = main(List.of(NewApiDatabase.FAILED_VIDEO_TASK)).tasks().get(0);

        assertThat(task.state()).isEqualTo("failure");
        assertThat(task.platform()).isEqualTo("kling");
        assertThat(task.failReason()).startsWith("upstream: content policy violation")
                .doesNotContain("Ab3De6Gh9Jk2Mn5Pq8St1Vw4Yz7Bc0Ef3Hi6");
        assertThat(task.quotaUsd()).isEqualByComparingTo(new BigDecimal("0.50"));
    }

    @Test
    void aRunningTaskAndAMidjourneyJobAreReadTogether() {
        List<GatewayTask> found = main(List.of(NewApiDatabase.RUNNING_VIDEO_TASK, NewApiDatabase.FAILED_MJ_TASK))
                .tasks();

        assertThat(found).extracting(GatewayTask::taskId)
                .containsExactly(NewApiDatabase.RUNNING_VIDEO_TASK, NewApiDatabase.FAILED_MJ_TASK);
        assertThat(found.get(0).state()).isEqualTo("inProgress");
        assertThat(found.get(0).progress()).isEqualTo("45%");
        assertThat(found.get(0).finishedAt()).as("0 means not yet").isNull();
        assertThat(found.get(1).platform()).isEqualTo("midjourney");
        assertThat(found.get(1).action()).isEqualTo("IMAGINE");
        assertThat(found.get(1).failReason()).isEqualTo("Banned prompt detected");
        assertThat(found.get(1).userId()).isEqualTo(8L);
        assertThat(found.toString()).doesNotContain(NewApiDatabase.PROMPT).doesNotContain(NewApiDatabase.RESULT_URL)
                .doesNotContain(NewApiDatabase.UPSTREAM_KEY);
    }

    @Test
    void anUnknownIdFindsNothingAndNoIdAsksNothing() {
        assertThat(main(List.of("task_" + "0".repeat(32))).tasks()).isEmpty();
        assertThat(tasks.tasksFor(List.of())).isEmpty();
    }

    @Test
    void aGatewayWithoutTaskTablesHasNoTasksAndStaysHealthy() throws Exception {
        sources.destroy();
        connect(false);

        SourceTasks answer = main(List.of(NewApiDatabase.MUSIC_TASK, NewApiDatabase.FAILED_MJ_TASK));

        assertThat(answer.tasks()).isEmpty();
        assertThat(sources.find("main").orElseThrow().health().lastError()).isNull();
    }
}
