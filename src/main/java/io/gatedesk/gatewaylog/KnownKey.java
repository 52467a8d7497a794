package io.gatedesk.gatewaylog;

/**
 * What the gateway's key inventory knows of a masked key on a ticket: whose it is, its group and its state. Never the
 * key: the inventory holds only fingerprints and the visible head and tail.
 *
 * @param masked the ticket's masked key this entry fits
 * @param owner  the gateway user (name, else id)
 * @param status the gateway's word for the key's state (enabled, disabled, exhausted, …)
 */
public record KnownKey(String masked, String source, String keyName, String owner, String group, String status) {
}
