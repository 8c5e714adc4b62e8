package dev.roster.console;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Function;

/**
 * The door of every console page: a page runs for a signed-in operator (anyone else is sent to the sign-in page), and a
 * change runs only when its form carries the session's CSRF token (otherwise nothing changes, and the page says so).
 */
@ApplicationScoped
public class ConsoleGuard {

    @Inject
    ConsoleSessions sessions;
    @Inject
    ConsoleResponses responses;
    @Inject
    dev.roster.tenant.TenantService tenants;
    @Inject
    dev.roster.config.RosterConfig config;

    public Uni<Response> page(String cookie, Function<ConsoleSession, Uni<Response>> page) {
        Optional<ConsoleSession> session = sessions.read(cookie);
        return session.isEmpty() ? Uni.createFrom().item(responses.seeOther("/console/sign-in"))
                : page.apply(session.get()); // the answer's cookie restarts the idle clock (ConsoleResponses)
    }

    public Uni<Response> change(String cookie, String csrf, Function<ConsoleSession, Uni<Response>> change) {
        return page(cookie, session -> responses.csrfMatches(session, csrf) ? change.apply(session)
                : Uni.createFrom().item(problem(session, "Form expired", "This form has expired or did not come from"
                        + " this console. Reload the page and try again; nothing was changed.", 403)));
    }

    /**
     * Runs {@code work} with the tenant a console address names; a malformed or unknown id gets a page that says so.
     * The view carries no seat counts (pages that show them read them).
     */
    public Uni<Response> withTenant(ConsoleSession session, String tenantId,
                                    Function<dev.roster.admin.AdminViews.TenantView, Uni<Response>> work) {
        Optional<java.util.UUID> id = dev.roster.tenant.Ids.parse(tenantId);
        return id.isEmpty() ? Uni.createFrom().item(noSuchTenant(session, tenantId))
                : tenants.find(id.get()).chain(tenant -> tenant == null
                        ? Uni.createFrom().item(noSuchTenant(session, tenantId))
                        : work.apply(dev.roster.admin.AdminViews.TenantView.of(tenant, config,
                                dev.roster.directory.Seats.NONE)));
    }

    /** The page for an address whose tenant id is malformed or names no tenant. */
    public Response noSuchTenant(ConsoleSession session, String tenantId) {
        return problem(session, "No such tenant", "There is no tenant " + ConsoleResource.bounded(tenantId)
                + ". It may have been deleted; go back to the tenants.", 404);
    }

    /** A page that explains a problem, with a way back. */
    public Response problem(ConsoleSession session, String title, String detail, int status) {
        return responses.page(session, ConsoleResource.Templates.problem(session, title, detail), status);
    }
}
