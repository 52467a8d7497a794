package io.gatedesk.gatewaydb;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One image, video or music task as a gateway database holds it. {@code status} is the gateway's own word
 * ({@code SUCCESS}, {@code FAILURE}, {@code IN_PROGRESS}, …); {@code state} is its meaning for the panel. A fail reason
 * is kept only for a failed task: older new-api rows keep a successful task's result URL in that column.
 *
 * @param platform the gateway's platform code ({@code suno}, {@code kling}, …), or {@code midjourney}
 */
public record GatewayTask(String taskId, String source, String kind, String platform, String action, String status,
                          String state, String progress, String failReason, Instant submittedAt, Instant finishedAt,
                          Long quota, BigDecimal quotaUsd, Long userId) {
}
