package io.gatedesk.workspace;

/** Only admins share views and delete shared ones. */
public class ViewForbiddenException extends RuntimeException {
}
