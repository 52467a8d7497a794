package io.gatedesk.gatewaylog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the gateway-log feature.
 *
 * @param matchWindow    how far from the reported request time a key-only match may lie, either way
 * @param retentionDays  entries older than this are deleted by the retention job; pinned copies stay
 * @param importThreads  background imports that run at once; further uploads wait in a short queue
 * @param importQueue    uploads that may wait; beyond that the upload page says the importer is busy
 * @param pageSize       rows per page of the log search
 * @param partitionMonthsAhead on PostgreSQL, monthly partitions of the log table kept ready beyond the current month
 */
@ConfigurationProperties("gatedesk.logs")
public record GatewayLogProperties(@DefaultValue("30m") Duration matchWindow,
                            @DefaultValue("30") int retentionDays,
                            @DefaultValue("1") int importThreads,
                            @DefaultValue("4") int importQueue,
                            @DefaultValue("50") int pageSize,
                            @DefaultValue("3") int partitionMonthsAhead) {
}
