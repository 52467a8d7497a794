package io.gatedesk.selfservice;

/** The self-service tools whose outcome is counted: did the visitor still file a ticket afterwards? */
public enum DeflectionKind {
    CONFIG_CHECK,
    DIAGNOSIS
}
