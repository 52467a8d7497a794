package io.gatedesk.triage;

/**
 * What an admin types for a rule, as text, so that a wrong value comes back to the form unchanged with its message.
 * {@code version} is the rule's version when the form was opened (edits only).
 */
record RuleForm(String id, String category, String kind, String value, String weight, String description,
                String client, String unlessClient, Long version) {

    static RuleForm empty() {
        return new RuleForm("", "", RuleKind.MESSAGE_PATTERN.name(), "", "3", "", "", "", null);
    }

    static RuleForm of(RuleView rule) {
        return new RuleForm(rule.id(), rule.category().name(), rule.kind().name(), rule.value(),
                weightText(rule.weight()), rule.description(), rule.client(), rule.unlessClient(), rule.version());
    }

    private static String weightText(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
    }
}
