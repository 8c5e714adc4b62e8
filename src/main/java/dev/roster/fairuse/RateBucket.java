package dev.roster.fairuse;

/**
 * A tenant's request rate as a generic cell rate algorithm (the token bucket told by one number): each request moves a
 * theoretical arrival time {@code tat} on by one interval ({@code 1 / rate}); a burst of {@code rate} requests (one
 * second's worth) passes at once. A request that comes too early is paced (admitted after a short delay) when the delay
 * is at most {@code maxDelayNanos}, and refused otherwise, with the time after which it would pass. Not thread-safe: its
 * owner synchronises. Time is passed in, so tests need no clock.
 */
final class RateBucket {

    /** What the bucket says about one request. */
    record Verdict(boolean admitted, long delayNanos, long retryAfterNanos) {
    }

    private final long intervalNanos;
    private final long toleranceNanos;
    private final long maxDelayNanos;
    private long tat = Long.MIN_VALUE;

    RateBucket(int perSecond, long maxDelayNanos) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
        this.toleranceNanos = intervalNanos * (Math.max(1, perSecond) - 1L);
        this.maxDelayNanos = maxDelayNanos;
    }

    Verdict offer(long now) {
        long start = tat == Long.MIN_VALUE ? now : Math.max(tat, now);
        long delay = Math.max(0, start - now - toleranceNanos);
        if (delay > maxDelayNanos) {
            return new Verdict(false, 0, delay - maxDelayNanos);
        }
        tat = start + intervalNanos;
        return new Verdict(true, delay, 0);
    }
}
