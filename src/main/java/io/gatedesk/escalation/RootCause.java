package io.gatedesk.escalation;

/** What an engineer found behind an escalated case. Message keys {@code escalation.rootCause.<CODE>}. */
public enum RootCause {
    CUSTOMER_CONFIGURATION,
    KEY_QUOTA_PERMISSION,
    GATEWAY_OR_CHANNEL,
    UPSTREAM_PROVIDER,
    SOFTWARE_BUG,
    UNKNOWN
}
