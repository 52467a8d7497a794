package io.gatedesk.gatewaylog;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, while it runs and after. {@code errors} holds the first rejected lines (at most
 * {@link LogImportService#ERRORS_SHOWN}); all of them can be downloaded as CSV.
 *
 * @param failure why the whole run failed (a message key suffix such as {@code UNREADABLE}), or {@code null}
 */
public record ImportSummary(long id, String channel, String fileName, String format, String timeZone,
                            ImportStatus status, long totalBytes, long bytesRead, long imported, long duplicates,
                            long rejected, String failure, Instant createdAt, Instant finishedAt,
                            List<LineProblem> errors) {

    /** One rejected line: where, a stable code, and the reason in English. */
    public record LineProblem(long lineNumber, String code, String reason) {
    }

    /** Progress in percent of the file's bytes read. */
    public int percent() {
        if (status == ImportStatus.DONE) {
            return 100;
        }
        if (totalBytes <= 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / totalBytes);
    }
}
