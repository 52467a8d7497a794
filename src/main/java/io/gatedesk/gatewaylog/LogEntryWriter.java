package io.gatedesk.gatewaylog;

import java.util.List;

/**
 * Writes parsed records into {@code gateway_log_entries}, skipping every record whose dedupe key is stored already or
 * came earlier in the same batch (the first one wins). Each call is one transaction: a batch is stored whole or not at
 * all. {@link LogEntryWriterConfiguration} picks the implementation for the database.
 */
interface LogEntryWriter {

    /** Returns how many of {@code records} were new; the others were duplicates. */
    int insert(List<GatewayLogRecord> records, Long importId);
}
