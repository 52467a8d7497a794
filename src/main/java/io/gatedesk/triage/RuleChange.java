package io.gatedesk.triage;

/** Why a rule version was written. */
enum RuleChange {
    SEEDED,
    SEED_UPDATED,
    CREATED,
    EDITED,
    DISABLED,
    ENABLED
}
