package io.gatedesk.escalation;

/** Where one escalation round stands: with engineering, handed back to the agents, or resolved by an engineer. */
public enum EscalationStatus {
    OPEN,
    HANDED_BACK,
    RESOLVED
}
