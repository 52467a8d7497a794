package io.gatedesk.workspace;

/** A bulk action or a view that cannot be done as asked; {@code messageKey} says why in the agent's language. */
public class WorkspaceException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public WorkspaceException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
