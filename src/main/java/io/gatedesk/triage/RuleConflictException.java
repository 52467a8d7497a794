package io.gatedesk.triage;

/** Someone else saved the rule after the form was opened. */
class RuleConflictException extends RuntimeException {

    RuleConflictException(String ruleId) {
        super("rule " + ruleId + " was changed concurrently");
    }
}
