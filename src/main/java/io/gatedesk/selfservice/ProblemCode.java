package io.gatedesk.selfservice;

/** What the configuration check can find wrong, in the order it reports them: the most important first. */
public enum ProblemCode {
    NOT_A_URL,
    WRONG_HOST,
    HOMEPAGE_OR_CONSOLE_URL,
    FULL_ENDPOINT_PATH,
    DOUBLE_V1,
    MISSING_V1,
    HTTP_NOT_HTTPS,
    WHITESPACE_OR_QUOTES,
    UNKNOWN_MODEL
}
