package io.gatedesk.presence;

/** Another staff member on the same ticket page, and whether they are typing a reply there. */
public record Presence(long userId, String name, boolean typing) {
}
