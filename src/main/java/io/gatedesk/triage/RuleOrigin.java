package io.gatedesk.triage;

/** Where a stored rule came from. */
enum RuleOrigin {
    /** A rule file in {@code templates-seed/rules}. */
    SEED,
    /** Created on the admin page. */
    ADMIN
}
