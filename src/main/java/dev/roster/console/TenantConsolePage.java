package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.function.BiFunction;

/**
 * What a console page about one tenant needs (webhooks, credentials, rules, audit): the door (signed in; CSRF on
 * changes), the tenant the address names, the answers and the audit log.
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

    /** A change to that tenant, run only when the form carries the session's CSRF token. */
    Uni<Response> tenantChange(String cookie, String csrf, String tenantId,
                               BiFunction<ConsoleSession, TenantView, Uni<Response>> change) {
        return guard.change(cookie, csrf, session -> guard.withTenant(session, tenantId,
                tenant -> change.apply(session, tenant)));
    }
}
