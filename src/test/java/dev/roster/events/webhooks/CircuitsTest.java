package dev.roster.events.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 11, item 2: how a batch of attempts moves each endpoint's run of consecutive failures. */
class CircuitsTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static WebhookRepository.Settlement attempt(UUID endpoint, boolean receiverFailed) {
        var claimed = new WebhookRepository.Claimed(TENANT, UUID.randomUUID(), endpoint, UUID.randomUUID(), 1, "https://x",
                List.of(), null, null);
        return new WebhookRepository.Settlement(claimed, receiverFailed ? 500 : 200, null, null, 1,
                receiverFailed ? "pending" : "delivered", null, receiverFailed);
    }

    private static WebhookRepository.EndpointKey key(UUID endpoint) {
        return new WebhookRepository.EndpointKey(TENANT, endpoint);
    }

    @Test
    void i11_2_failuresOnlyAddToTheStoredRun() {
        assertEquals(List.of(new Circuits.Count(key(A), false, 2)),
                Circuits.count(List.of(attempt(A, true), attempt(A, true))));
    }

    @Test
    void i11_2_aSuccessEndsTheRunAndLaterFailuresStartANewOne() {
        assertEquals(List.of(new Circuits.Count(key(A), true, 1)),
                Circuits.count(List.of(attempt(A, true), attempt(A, false), attempt(A, true))));
        assertEquals(List.of(new Circuits.Count(key(A), true, 0)),
                Circuits.count(List.of(attempt(A, true), attempt(A, false))));
    }

    @Test
    void i11_2_endpointsAreCountedApartAndInKeyOrder() {
        assertEquals(List.of(new Circuits.Count(key(A), false, 1), new Circuits.Count(key(B), true, 0)),
                Circuits.count(List.of(attempt(B, false), attempt(A, true))));
    }
}
