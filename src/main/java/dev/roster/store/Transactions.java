package dev.roster.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs a write as one transaction, and runs it again (a bounded number of times) when PostgreSQL aborted it as a deadlock
 * victim or a serialization failure; any other failure, and the last transient one, reaches the caller with the
 * transaction rolled back and its connection released. The retry resubscribes at once on the same event-loop thread: a
 * delay through a timer would move the work to another thread, which the reactive session refuses (HR000069).
 */
public final class Transactions {

    /** Attempts after the first; then the client gets 409 with a detail asking it to retry (ErrorMappers). */
    static final int RETRIES = 3;

    private Transactions() {
    }

    public static <T> Uni<T> write(Supplier<Uni<T>> work) {
        return retrying(() -> Panache.withTransaction(work));
    }

    /**
     * Runs a read-then-write again from its read when it lost a race: a conditional write that found another version
     * ({@link StaleWrite}), a deadlock or a serialization failure. For writes through the reactive client, whose
     * statements are their own transactions (users/UserStore).
     */
    public static <T> Uni<T> retrying(Supplier<Uni<T>> work) {
        return Uni.createFrom().<T>deferred(work::get)
                .onFailure(DatabaseFailure::isTransientConflict).retry().atMost(RETRIES);
    }
}
