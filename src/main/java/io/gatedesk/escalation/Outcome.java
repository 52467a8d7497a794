package io.gatedesk.escalation;

/** What an engineer does with the ticket once the findings are written. */
public enum Outcome {
    /** Back to the agents: the ticket opens again with the findings at the top. */
    HAND_BACK,
    /** The engineer resolves the ticket. */
    RESOLVE
}
