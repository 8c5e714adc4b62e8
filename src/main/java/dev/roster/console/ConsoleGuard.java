package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.config.RosterConfig;
import dev.roster.directory.Seats;
import dev.roster.directory.UserDirectory;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    TenantService tenants;
    @Inject
    UserDirectory users;
    @Inject
    RosterConfig config;

    public Uni<Response> page(String cookie, Function<ConsoleSession, Uni<Response>> page) {
        Optional<ConsoleSession> session = sessions.read(cookie);
        if (session.isEmpty()) {
            // A cookie that is no session any more (idle, too old, or from another signing key) gets told why.
            return Uni.createFrom().item(cookie == null || cookie.isEmpty() ? responses.seeOther("/console/sign-in")
                    : responses.sessionEnded());
        }
        return page.apply(session.get()); // the answer's cookie restarts the idle clock (ConsoleResponses)
    }

    public Uni<Response> change(String cookie, String csrf, Function<ConsoleSession, Uni<Response>> change) {
        return page(cookie, session -> responses.csrfMatches(session, csrf) ? change.apply(session)
                : Uni.createFrom().item(problem(session, "Form expired", "This form has expired or did not come from"
                        + " this console. Reload the page and try again; nothing was changed.", 403)));
    }

    /**
     * Runs {@code work} with the tenant a console address names; a malformed or unknown id gets a page that says so.
     * The view carries no seat counts ({@link #withTenantAndSeats} reads them).
     */
    public Uni<Response> withTenant(ConsoleSession session, String tenantId, Function<TenantView, Uni<Response>> work) {
        return withTenant(session, tenantId, false, work);
    }

    /** As {@link #withTenant}, with the tenant's seat counts in the view (one more statement). */
    public Uni<Response> withTenantAndSeats(ConsoleSession session, String tenantId,
                                            Function<TenantView, Uni<Response>> work) {
        return withTenant(session, tenantId, true, work);
    }

    private Uni<Response> withTenant(ConsoleSession session, String tenantId, boolean withSeats,
                                     Function<TenantView, Uni<Response>> work) {
        Optional<UUID> id = Ids.parse(tenantId);
        if (id.isEmpty()) {
            return Uni.createFrom().item(noSuchTenant(session, tenantId));
        }
        return tenants.find(id.get()).chain(tenant -> {
            if (tenant == null) {
                return Uni.createFrom().item(noSuchTenant(session, tenantId));
            }
            Uni<Seats> seats = withSeats ? users.seats(List.of(tenant.id)).map(counted -> counted.get(tenant.id))
                    : Uni.createFrom().item(Seats.NONE);
            return seats.chain(counted -> work.apply(TenantView.of(tenant, config, counted)));
        });
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
