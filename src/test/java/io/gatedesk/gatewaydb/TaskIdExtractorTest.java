package io.gatedesk.gatewaydb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskIdExtractorTest {

    static final String NEW_API_TASK = "task_" + "Qm7pX2vR9tL4kJ8hG3fD6sA1zC5bN0wE";

    @Test
    void newApiTaskIdsAreFoundAnywhere() {
        assertThat(TaskIdExtractor.extract("My video " + NEW_API_TASK + " never finished."))
                .containsExactly(NEW_API_TASK);
        assertThat(TaskIdExtractor.extract("视频任务" + NEW_API_TASK + "一直没有完成")).containsExactly(NEW_API_TASK);
        assertThat(TaskIdExtractor.extract("{\"id\":\"" + NEW_API_TASK + "\",\"status\":\"failed\"}"))
                .containsExactly(NEW_API_TASK);
    }

    @Test
    void soraVideoIdsAreFoundAnywhere() {
        String video = "video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5";
        assertThat(TaskIdExtractor.extract("GET /v1/videos/" + video + " says failed")).containsExactly(video);
    }

    @Test
    void midjourneyAndUpstreamIdsAreFoundAfterALabelOrInATaskUrl() {
        assertThat(TaskIdExtractor.extract("Midjourney task id: 1712205491372954 is stuck at 0%"))
                .containsExactly("1712205491372954");
        assertThat(TaskIdExtractor.extract("任务ID：1712205491372954，一直没出图")).containsExactly("1712205491372954");
        assertThat(TaskIdExtractor.extract("任务编号 = 1712205491372955")).containsExactly("1712205491372955");
        assertThat(TaskIdExtractor.extract("{\"taskId\": \"8b2c6f1e-3a4d-4e5f-9a7b-1c2d3e4f5a6b\"}"))
                .containsExactly("8b2c6f1e-3a4d-4e5f-9a7b-1c2d3e4f5a6b");
        assertThat(TaskIdExtractor.extract("polling /mj/task/1712205491372956/fetch returns FAILURE"))
                .containsExactly("1712205491372956");
        assertThat(TaskIdExtractor.extract("mj_id=1712205491372957")).containsExactly("1712205491372957");
    }

    @Test
    void requestIdsKeysAndOrdinaryNumbersAreNotTasks() {
        assertThat(TaskIdExtractor.extract("request id: 2025061512345678901234567abcdEFGH")).isEmpty();
        assertThat(TaskIdExtractor.extract("X-Oneapi-Request-Id: 20250615123456789012345678901234")).isEmpty();
        assertThat(TaskIdExtractor.extract("trace 8b2c6f1e-3a4d-4e5f-9a7b-1c2d3e4f5a6b")).as("bare UUID").isEmpty();
        assertThat(TaskIdExtractor.extract("order 1712205491372954 paid, call me at 13812345678")).isEmpty();
        assertThat(TaskIdExtractor.extract("my key sk-" + NEW_API_TASK.substring(5) + "abcdabcdabcdabcd")).isEmpty();
        assertThat(TaskIdExtractor.extract("task id: sk-abcd1234efgh5678ijkl")).isEmpty();
        assertThat(TaskIdExtractor.extract("the task id is pending")).as("a word, not an ID").isEmpty();
        assertThat(TaskIdExtractor.extract("x" + NEW_API_TASK)).as("inside a longer token").isEmpty();
        assertThat(TaskIdExtractor.extract("任务失败了，请求 ID：20250615123456789012345678901234")).isEmpty();
        assertThat(TaskIdExtractor.extract((String) null)).isEmpty();
    }

    @Test
    void aTicketNamesAHandfulAtMostInOrderWithoutRepeats() {
        List<String> texts = List.of("task id: 1000000000000001, task id: 1000000000000002 " + NEW_API_TASK,
                "again " + NEW_API_TASK + " and task_id=1000000000000003, task_id=1000000000000004,"
                        + " task_id=1000000000000005, task_id=1000000000000006");
        assertThat(TaskIdExtractor.extract(texts)).containsExactly("1000000000000001", "1000000000000002",
                NEW_API_TASK, "1000000000000003", "1000000000000004");
    }
}
