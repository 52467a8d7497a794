package io.gatedesk.triage;

/** What an admin types into the test box; the status code stays text so a typo comes back as typed. */
record RuleSample(String text, String statusCode, String errorMessage, String baseUrl, String client) {

    static RuleSample empty() {
        return new RuleSample("", "", "", "", "");
    }
}
