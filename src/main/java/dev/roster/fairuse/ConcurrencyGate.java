package dev.roster.fairuse;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A tenant's requests in progress, at most {@code limit} at a time; the next ones wait in arrival order for a place
 * (their owner times them out). Not thread-safe: its owner synchronises.
 */
final class ConcurrencyGate {

    /** A request waiting for a place: {@link #admit()} is called when it gets one. */
    interface Waiter {
        void admit();
    }

    private final int limit;
    private final int maxWaiting;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inProgress;

    ConcurrencyGate(int limit, int maxWaiting) {
        this.limit = Math.max(1, limit);
        this.maxWaiting = maxWaiting;
    }

    /** Takes a place if there is one. */
    boolean tryEnter() {
        if (inProgress < limit) {
            inProgress++;
            return true;
        }
        return false;
    }

    /** Queues a waiter, unless too many wait already; emits whether it was queued. */
    boolean await(Waiter waiter) {
        if (waiting.size() >= maxWaiting) {
            return false;
        }
        waiting.addLast(waiter);
        return true;
    }

    /** A waiter that gave up; emits whether it was still waiting (and so never got a place). */
    boolean abandon(Waiter waiter) {
        return waiting.remove(waiter);
    }

    /** A request ended: its place goes to the longest waiter (returned, to be admitted), or is freed. */
    Waiter leave() {
        Waiter next = waiting.pollFirst();
        if (next == null) {
            inProgress = Math.max(0, inProgress - 1);
        }
        return next;
    }

    int inProgress() {
        return inProgress;
    }

    boolean idle() {
        return inProgress == 0 && waiting.isEmpty();
    }
}
