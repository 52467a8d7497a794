package io.gatedesk.escalation;

/**
 * Where one escalation round stands: with engineering, handed back to the agents, resolved by an engineer, or
 * withdrawn because staff moved the ticket out of ESCALATED by hand before any findings.
 */
public enum EscalationStatus {
    OPEN,
    HANDED_BACK,
    RESOLVED,
    WITHDRAWN
}
