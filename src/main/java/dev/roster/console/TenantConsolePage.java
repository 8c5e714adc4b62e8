package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.audit.AuditLog;
import dev.roster.failure.Failure;
import dev.roster.tenant.Ids;
import dev.roster.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a console page about one tenant needs (the tenant page's tokens and settings, webhooks, credentials, rules,
 * audit): the door (signed in; CSRF on changes), the tenant and the ids the address names, the page again with a
 * refusal, and the audit log entry of each change.
 */
abstract class TenantConsolePage {

    @Inject
    ConsoleGuard guard;
    @Inject
    ConsoleResponses responses;
    @Inject
    AuditLog audit;

    /** A page for a signed-in operator about the tenant {@code tenantId} names. */
    Uni<Response> tenantPage(String cookie, String tenantId,
                             BiFunction<ConsoleSession, TenantView, Uni<Response>> page) {
        return guard.page(cookie, session -> guard.withTenant(session, tenantId, tenant -> page.apply(session, tenant)));
    }

    /**
     * The page again, showing {@code error} (a refused change) and answered with {@code status}. Pages with forms show
     * themselves; a read-only page has no change to refuse and shows the console's problem page.
     */
    Uni<Response> show(ConsoleSession session, TenantView tenant, String error, int status) {
        return Uni.createFrom().item(guard.problem(session, "Not done", error, status));
    }

    /**
     * For {@code .onFailure(Failure.class).recoverWithUni(...)}: the page again with a service's refusal, under the
     * status the admin API answers the same refusal with.
     */
    Function<Failure, Uni<? extends Response>> refusedOn(ConsoleSession session, TenantView tenant) {
        return failure -> show(session, tenant, failure.detail(), failure.status());
    }

    /**
     * Runs {@code work} with the id an address names ({@code raw}); a malformed one gets the page again, saying there is
     * no such {@code what}.
     */
    Uni<Response> withId(ConsoleSession session, TenantView tenant, String raw, String what,
                         Function<UUID, Uni<Response>> work) {
        Optional<UUID> id = Ids.parse(raw);
        return id.isEmpty() ? show(session, tenant, "No such " + what + ".", 404) : work.apply(id.get());
    }

    /** As {@link #withId}, for an address that names two ids (a secret of a client, an event of an endpoint). */
    Uni<Response> withIds(ConsoleSession session, TenantView tenant, String rawFirst, String rawSecond, String what,
                          BiFunction<UUID, UUID, Uni<Response>> work) {
        return withId(session, tenant, rawFirst, what, first -> withId(session, tenant, rawSecond, what,
                second -> work.apply(first, second)));
    }

    /** Writes a console change to the admin audit log as the admin API call it stands for, by this operator. */
    Uni<Void> audited(ConsoleSession session, TenantView tenant, RoutingContext rc, String action, UUID targetId,
                      int status, Object before, Object after) {
        return audit.record(tenant.id(), session.actor(), action, targetId, status, RequestIds.of(rc), before, after);
    }

    /** A change to that tenant, run only when the form carries the session's CSRF token. */
    Uni<Response> tenantChange(String cookie, String csrf, String tenantId,
                               BiFunction<ConsoleSession, TenantView, Uni<Response>> change) {
        return guard.change(cookie, csrf, session -> guard.withTenant(session, tenantId,
                tenant -> change.apply(session, tenant)));
    }
}
