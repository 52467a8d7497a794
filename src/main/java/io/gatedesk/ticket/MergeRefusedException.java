package io.gatedesk.ticket;

/** A merge or split the desk will not do; nothing was changed. {@link #reason} names the message to show. */
public class MergeRefusedException extends RuntimeException {

    /** Why, each with its message key {@code ticket.merge.refused.<name>}. */
    public enum Reason {
        SELF, DIFFERENT_CUSTOMER, SOURCE_MERGED, TARGET_MERGED, NOT_A_CUSTOMER_MESSAGE
    }

    private final Reason reason;

    public MergeRefusedException(Reason reason) {
        super("merge refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "ticket.merge.refused." + reason.name();
    }
}
