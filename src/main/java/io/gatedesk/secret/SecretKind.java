package io.gatedesk.secret;

/** The families of credentials the scanner recognises. */
public enum SecretKind {
    GATEWAY_KEY,
    OPENAI_LEGACY_KEY,
    OPENAI_PROJECT_KEY,
    OPENAI_SERVICE_ACCOUNT_KEY,
    OPENAI_ADMIN_KEY,
    ANTHROPIC_KEY,
    OPENROUTER_KEY,
    GROQ_KEY,
    BEARER_TOKEN,
    JWT,
    ASSIGNED_SECRET,
    URL_QUERY_SECRET
}
