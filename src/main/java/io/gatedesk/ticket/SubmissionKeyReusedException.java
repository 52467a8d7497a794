package io.gatedesk.ticket;

/**
 * A submission key came back with a different ticket: the client reused a key, or someone replays a key they saw
 * with other content. Either way the first receipt is not theirs to read, and no second ticket is filed.
 */
public class SubmissionKeyReusedException extends RuntimeException {

    public SubmissionKeyReusedException() {
        super("This idempotency key was already used for a different ticket");
    }
}
