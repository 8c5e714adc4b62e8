package dev.roster.events;

/**
 * Fired (CDI, in this pod) when the sequencer has positioned events, so the webhook relay starts their deliveries at
 * once instead of at its next poll. Other pods find them at their next poll.
 *
 * @param count how many events were positioned
 */
public record EventsPositioned(int count) {
}
