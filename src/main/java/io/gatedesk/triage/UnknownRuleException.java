package io.gatedesk.triage;

class UnknownRuleException extends RuntimeException {

    UnknownRuleException(String ruleId) {
        super("no rule " + ruleId);
    }
}
