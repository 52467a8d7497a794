package io.gatedesk.ticket;

/** What the failing caller is used for, which sets how urgent its trouble is. */
public enum CallerType {
    PRODUCTION,
    HIGH_COST,
    TEST,
    PERSONAL
}
