package io.gatedesk.workspace;

/** No such view, or one the agent may not see. */
public class ViewNotFoundException extends RuntimeException {
}
