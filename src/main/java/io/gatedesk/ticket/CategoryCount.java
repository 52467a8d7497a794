package io.gatedesk.ticket;

/** How many tickets of the current queue view carry a category code ({@code null}: not classified yet). */
public record CategoryCount(String category, long count) {
}
