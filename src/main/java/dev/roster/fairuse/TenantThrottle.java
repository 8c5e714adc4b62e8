package dev.roster.fairuse;

import dev.roster.tenant.TenantContext;

/** One tenant's rate bucket and concurrency gate in this pod, used under its own lock. */
final class TenantThrottle {

    final TenantContext.Limits limits;
    private final RateBucket rate;
    private final ConcurrencyGate gate;

    TenantThrottle(TenantContext.Limits limits, int requestsPerSecond, int concurrentRequests, long maxDelayNanos) {
        this.limits = limits;
        this.rate = new RateBucket(requestsPerSecond, maxDelayNanos);
        // Waiting requests hold no thread, only a little memory: a few times the limit may wait.
        this.gate = new ConcurrencyGate(concurrentRequests, concurrentRequests * 4);
    }

    synchronized RateBucket.Verdict offer(long now) {
        return rate.offer(now);
    }

    synchronized boolean tryEnter() {
        return gate.tryEnter();
    }

    synchronized boolean await(ConcurrencyGate.Waiter waiter) {
        return gate.await(waiter);
    }

    synchronized boolean abandon(ConcurrencyGate.Waiter waiter) {
        return gate.abandon(waiter);
    }

    synchronized ConcurrencyGate.Waiter leave() {
        return gate.leave();
    }

    synchronized boolean idle() {
        return gate.idle();
    }
}
