package dev.roster.fairuse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 5: a tenant's rate: a second's burst at once, then paced, then refused with when to retry. */
class RateBucketTest {

    private static final long MS = 1_000_000;

    @Test
    void i15_5_aSecondsWorthPassesAtOnceThenRequestsArePacedThenRefused() {
        RateBucket bucket = new RateBucket(10, 200 * MS); // 10/s: one every 100 ms, held back at most 200 ms
        for (int i = 0; i < 10; i++) {
            RateBucket.Verdict verdict = bucket.offer(0);
            assertTrue(verdict.admitted());
            assertEquals(0, verdict.delayNanos(), "the burst passes at once");
        }
        assertEquals(100 * MS, bucket.offer(0).delayNanos(), "the 11th waits one interval");
        assertEquals(200 * MS, bucket.offer(0).delayNanos(), "the 12th two");
        RateBucket.Verdict refused = bucket.offer(0);
        assertFalse(refused.admitted(), "the 13th would wait longer than the pacing allows");
        assertEquals(100 * MS, refused.retryAfterNanos());
    }

    @Test
    void i15_5_theBucketRefillsAtTheRate() {
        RateBucket bucket = new RateBucket(10, 0);
        for (int i = 0; i < 10; i++) {
            assertTrue(bucket.offer(0).admitted());
        }
        assertFalse(bucket.offer(0).admitted());
        assertFalse(bucket.offer(50 * MS).admitted(), "half an interval later: still full");
        assertTrue(bucket.offer(100 * MS).admitted(), "one interval later: one more");
        assertFalse(bucket.offer(100 * MS).admitted());
        for (int i = 0; i < 10; i++) {
            assertTrue(bucket.offer(2_000 * MS).admitted(), "after an idle while: a whole burst again");
        }
    }

    @Test
    void i15_5_aSteadyClientAtTheRateIsNeverDelayed() {
        RateBucket bucket = new RateBucket(5, 0);
        for (long t = 0; t < 10_000 * MS; t += 200 * MS) {
            RateBucket.Verdict verdict = bucket.offer(t);
            assertTrue(verdict.admitted());
            assertEquals(0, verdict.delayNanos());
        }
    }
}
