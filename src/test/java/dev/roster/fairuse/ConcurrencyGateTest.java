package dev.roster.fairuse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 5: requests in progress per tenant, the next ones in line in arrival order. */
class ConcurrencyGateTest {

    @Test
    void i15_5_placesGoInArrivalOrderAndTheLineIsBounded() {
        ConcurrencyGate gate = new ConcurrencyGate(2, 2);
        List<String> admitted = new ArrayList<>();
        assertTrue(gate.tryEnter());
        assertTrue(gate.tryEnter());
        assertFalse(gate.tryEnter(), "two in progress: full");
        ConcurrencyGate.Waiter first = () -> admitted.add("first");
        ConcurrencyGate.Waiter second = () -> admitted.add("second");
        assertTrue(gate.await(first));
        assertTrue(gate.await(second));
        assertFalse(gate.await(() -> admitted.add("third")), "the line holds two");

        assertSame(first, gate.leave(), "a freed place goes to the longest waiter");
        assertEquals(2, gate.inProgress(), "the place changes hands, the count stays");
        assertTrue(gate.abandon(second), "a waiter that gives up leaves the line");
        assertFalse(gate.abandon(second));
        assertNull(gate.leave(), "nobody waits: the place is freed");
        assertEquals(1, gate.inProgress());
        assertNull(gate.leave());
        assertTrue(gate.idle());
        assertTrue(gate.tryEnter());
    }
}
