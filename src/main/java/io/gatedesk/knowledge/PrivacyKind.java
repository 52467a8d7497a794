package io.gatedesk.knowledge;

/** What the privacy gate refuses to publish. */
public enum PrivacyKind {
    KEY,
    FINGERPRINT,
    REQUEST_ID,
    EMAIL,
    NAME,
    IP_ADDRESS,
    MONEY,
    ORDER_NUMBER,
    FOLLOW_LINK,
    INTERNAL_HOST,
    CHANNEL,
    LOG_ROW
}
