package dev.roster.users;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.events.ChangeEvent;
import dev.roster.events.EventType;
import dev.roster.events.Outbox;
import dev.roster.store.Transactions;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Enforces a tenant's seat limit (issue 15, item 3): a write that makes a user active (a create of an active user, a
 * reactivation) is refused with {@link SeatLimitReached} when the tenant already has {@code seatLimit} active users.
 * Nothing else is refused: deactivation and deletion always work. The tenant's row is locked for the check, so two
 * creates racing for the last seat cannot both win; a tenant without a limit pays nothing (its credential says so).
 * The host hears of a refusal by a {@code tenant.seat_limit_reached} event, at most once an hour per tenant, since Entra
 * retries every refused user each cycle.
 */
@ApplicationScoped
public class SeatLimit {

    static final Duration NOTICE_INTERVAL = Duration.ofHours(1);

    @Inject
    TenantRepository tenants;
    @Inject
    UserStore store;
    @Inject
    Outbox outbox;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /**
     * On the write's connection, inside its transaction, for a write that makes {@code user} active in a tenant with a
     * seat limit: {@code existing} tells a reactivation from a create.
     */
    Uni<Void> admit(SqlClient connection, TenantContext caller, UserEntity user, boolean existing) {
        return store.lockSeatLimit(connection, caller.tenantId()).chain(limit -> limit == null
                ? Uni.createFrom().voidItem()
                : store.seatsInUse(connection, caller.tenantId(), user.id).invoke(active -> {
                    if (active >= limit) {
                        throw new SeatLimitReached(limit, active, user.userName, existing);
                    }
                }).replaceWithVoid());
    }

    /** The write, telling the host when it was refused for want of seats (after its transaction rolled back). */
    <T> Uni<T> reportingRefusals(TenantContext caller, Uni<T> write) {
        return write.onFailure(SeatLimitReached.class).call(failure -> {
            registry.counter("roster.seat.refusals").increment();
            return notifyHost(caller, (SeatLimitReached) failure).onFailure().recoverWithNull();
        });
    }

    private Uni<Void> notifyHost(TenantContext caller, SeatLimitReached refusal) {
        return Transactions.write(() -> tenants.markSeatLimitNotified(caller.tenantId(), NOTICE_INTERVAL)
                .chain(marked -> {
                    if (!marked) {
                        return Uni.createFrom().voidItem();
                    }
                    ObjectNode resource = JsonNodeFactory.instance.objectNode()
                            .put("id", caller.tenantId().toString())
                            .put("seatLimit", refusal.limit())
                            .put("activeUsers", refusal.active());
                    return outbox.record(new ChangeEvent(EventType.TENANT_SEAT_LIMIT_REACHED, caller.tenantId(),
                            "Tenant", caller.tenantId(), resource, List.of(), ChangeEvent.Actor.of(caller)));
                }));
    }
}
