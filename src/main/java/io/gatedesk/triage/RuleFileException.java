package io.gatedesk.triage;

/** A rule file that cannot be used, with the file, line and rule id so that whoever edited it can find the mistake. */
class RuleFileException extends RuntimeException {

    RuleFileException(String source, int line, String ruleId, String problem, Throwable cause) {
        super(source + ":" + line + (ruleId == null ? "" : " rule '" + ruleId + "'") + ": " + problem, cause);
    }
}
