package dev.roster.fairuse;

import dev.roster.config.RosterConfig;
import dev.roster.failure.TooManyRequests;
import dev.roster.tenant.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-tenant fair use of this pod (issue 15, item 5): a request rate and a number of requests in progress per tenant,
 * so that one tenant's 100,000-user initial cycle cannot starve the others. A request a little ahead of its tenant's
 * rate is paced (held up to {@code maxDelay}, no thread held) and one beyond the concurrency waits in line for up to
 * {@code queueTimeout}; past that it is answered 429 with {@code Retry-After}, which Entra honours. The state is this
 * pod's: with N pods a tenant gets about N times the caps (a cluster-wide cap would keep the bucket in a shared store,
 * see docs/operations.md).
 */
@ApplicationScoped
public class FairUse {

    static final long PRUNE_MILLIS = 60_000;

    @Inject
    RosterConfig config;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;

    private final ConcurrentHashMap<UUID, TenantThrottle> throttles = new ConcurrentHashMap<>();
    private Counter rateRefusals;
    private Counter concurrencyRefusals;
    private long pruner = -1;

    void start(@Observes StartupEvent started) {
        rateRefusals = refusals("rate");
        concurrencyRefusals = refusals("concurrency");
        // Idle tenants' state goes: a tenant that comes back starts with a full second's burst.
        pruner = vertx.setPeriodic(PRUNE_MILLIS, tick -> throttles.values().removeIf(TenantThrottle::idle));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (pruner >= 0) {
            vertx.cancelTimer(pruner);
        }
    }

    private Counter refusals(String reason) {
        return Counter.builder("roster.fair.use.refusals").tag("reason", reason)
                .description("SCIM requests answered 429 for exceeding a tenant's fair use").register(registry);
    }

    public boolean enabled() {
        return config.limits().enabled();
    }

    /**
     * Admits one SCIM request of the tenant: at once, after a short pacing delay, or once a place frees up; emits what
     * to run when the request has ended (it gives the place to the next), or fails with {@link TooManyRequests}.
     */
    public Uni<Runnable> admit(TenantContext tenant) {
        TenantThrottle throttle = throttleOf(tenant);
        RateBucket.Verdict verdict = throttle.offer(System.nanoTime());
        if (!verdict.admitted()) {
            rateRefusals.increment();
            long seconds = (long) Math.ceil(verdict.retryAfterNanos() / 1e9);
            return Uni.createFrom().failure(new TooManyRequests("This workspace sends more than "
                    + requestsPerSecond(tenant) + " requests per second to this server; retry after " + seconds
                    + " s (Entra ID backs off on its own).", seconds));
        }
        Context context = vertx.getOrCreateContext();
        long delayMillis = TimeUnit.NANOSECONDS.toMillis(verdict.delayNanos());
        Uni<Void> paced = delayMillis <= 0 ? Uni.createFrom().voidItem() : Uni.createFrom().emitter(paused ->
                vertx.setTimer(delayMillis, fired -> paused.complete(null)));
        return paced.chain(() -> enter(throttle, tenant, context));
    }

    private Uni<Runnable> enter(TenantThrottle throttle, TenantContext tenant, Context context) {
        if (throttle.tryEnter()) {
            return Uni.createFrom().item(release(throttle));
        }
        return Uni.createFrom().emitter(admitted -> {
            AtomicBoolean settled = new AtomicBoolean();
            ConcurrencyGate.Waiter waiter = () -> context.runOnContext(ignored -> {
                if (settled.compareAndSet(false, true)) {
                    admitted.complete(release(throttle));
                } else {
                    release(throttle).run(); // timed out meanwhile: pass the place on
                }
            });
            if (!throttle.await(waiter)) {
                concurrencyRefusals.increment();
                admitted.fail(concurrencyRefusal(tenant));
                return;
            }
            vertx.setTimer(config.limits().queueTimeout().toMillis(), fired -> {
                if (throttle.abandon(waiter) && settled.compareAndSet(false, true)) {
                    concurrencyRefusals.increment();
                    admitted.fail(concurrencyRefusal(tenant));
                }
            });
        });
    }

    private TooManyRequests concurrencyRefusal(TenantContext tenant) {
        return new TooManyRequests("This workspace has " + concurrentRequests(tenant) + " requests in progress on"
                + " this server, its fair share, and more waiting; retry after 1 s (Entra ID backs off on its own).", 1);
    }

    private static Runnable release(TenantThrottle throttle) {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                ConcurrencyGate.Waiter next = throttle.leave();
                if (next != null) {
                    next.admit();
                }
            }
        };
    }

    private TenantThrottle throttleOf(TenantContext tenant) {
        TenantContext.Limits limits = tenant.limits() == null ? TenantContext.Limits.DEFAULTS : tenant.limits();
        return throttles.compute(tenant.tenantId(), (id, current) -> current != null && current.limits.equals(limits)
                ? current
                : new TenantThrottle(limits, requestsPerSecond(tenant), concurrentRequests(tenant),
                config.limits().maxDelay().toNanos()));
    }

    private int requestsPerSecond(TenantContext tenant) {
        Integer own = tenant.limits() == null ? null : tenant.limits().requestsPerSecond();
        return own != null ? own : config.limits().requestsPerSecond();
    }

    private int concurrentRequests(TenantContext tenant) {
        Integer own = tenant.limits() == null ? null : tenant.limits().concurrentRequests();
        return own != null ? own : config.limits().concurrentRequests();
    }
}
