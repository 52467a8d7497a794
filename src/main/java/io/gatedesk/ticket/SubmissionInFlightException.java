package io.gatedesk.ticket;

/** Another request with the same submission key is still being filed; the client should retry shortly. */
public class SubmissionInFlightException extends RuntimeException {

    public SubmissionInFlightException() {
        super("A submission with this idempotency key is still being processed");
    }
}
