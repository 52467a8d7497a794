package io.gatedesk.ticket;

/** The program a customer calls the gateway from; each wants its base URL in its own way. */
public enum ClientApp {
    CURSOR,
    CHERRY_STUDIO,
    LOBECHAT,
    NEXTCHAT,
    DIFY,
    OPENAI_PYTHON,
    OPENAI_NODE,
    CURL,
    BACKEND_SERVICE,
    OTHER
}
