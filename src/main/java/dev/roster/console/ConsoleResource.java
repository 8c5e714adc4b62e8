package dev.roster.console;

import dev.roster.activity.ActivityEntry;
import dev.roster.activity.ActivityLog;
import dev.roster.activity.ActivityQuery;
import dev.roster.admin.AdminViews.TenantView;
import dev.roster.admin.TenantPatch;
import dev.roster.auth.AdminCredentialVerifier;
import dev.roster.auth.credential.CookieSigner;
import dev.roster.auth.credential.CredentialCache;
import dev.roster.auth.credential.Secrets;
import dev.roster.auth.token.SecretTokenService;
import dev.roster.auth.token.SecretTokenService.TokenSummary;
import dev.roster.config.RosterConfig;
import dev.roster.directory.Seats;
import dev.roster.directory.UserDirectory;
import dev.roster.failure.Failure;
import dev.roster.synchealth.SyncHealthService;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantEntity;
import dev.roster.tenant.TenantService;
import dev.roster.web.RequestIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator console (issue 16): server-rendered pages for the vendor's support staff, signed in with the admin key or
 * an admin JWT. Every change goes through the services the admin API uses and is written to the admin audit log as the
 * equivalent admin API call, with the actor {@code console:<who signed in>}. Every form carries the session's CSRF token;
 * a page of a signed-out browser redirects to the sign-in page.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource extends TenantConsolePage {

    static final int MAX_CREDENTIAL_LENGTH = 8192;
    static final int MAX_FIELD_LENGTH = 200;
    /** How many of a tenant's tokens its page lists (the admin API pages through more). */
    static final int MAX_TOKENS_SHOWN = 100;
    static final int CHART_HOURS = 24;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String loginCsrf, String notice, String error);

        static native TemplateInstance tenants(ConsoleSession session, List<TenantRow> tenants, String search,
                                               String nextPage, String error);

        static native TemplateInstance tenant(ConsoleSession session, TenantView tenant, List<TokenSummary> tokens,
                                              HealthView health, String error);

        static native TemplateInstance activity(ConsoleSession session, TenantView tenant, List<ActivityEntry> entries,
                                                ActivityFilter filter, String nextPage, String error);

        static native TemplateInstance tokenCreated(ConsoleSession session, TenantView tenant, String token,
                                                    TokenSummary summary);

        static native TemplateInstance problem(ConsoleSession session, String title, String detail);
    }

    @Inject
    ConsoleSessions sessions;
    @Inject
    AdminCredentialVerifier adminCredentials;
    @Inject
    TenantService tenants;
    @Inject
    SecretTokenService tokens;
    @Inject
    UserDirectory users;
    @Inject
    RosterConfig config;
    @Inject
    CredentialCache credentials;
    @Inject
    SyncHealthService syncHealth;
    @Inject
    ActivityLog activity;

    @GET
    public Uni<Response> home(@CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return guard.page(cookie, session -> Uni.createFrom().item(responses.seeOther("/console/tenants")));
    }

    @GET
    @Path("sign-in")
    public Response signInPage(@QueryParam("ended") boolean ended) {
        String notice = ended ? "Your session has ended: it was unused for " + minutes(config.console().idleTimeout())
                + " minutes, or began more than " + config.console().maxAge().toHours() + " hours ago. Sign in again."
                : null;
        return signInForm(notice, null, 200);
    }

    private static long minutes(java.time.Duration duration) {
        return Math.max(1, duration.toMinutes());
    }

    /**
     * Signs in with the admin key or an admin JWT. The form carries a token that must equal the one in the sign-in
     * cookie (a site that cannot read this page cannot sign a browser in under its own credential).
     */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@RestForm String credential, @RestForm String csrf,
                                @CookieParam(ConsoleResponses.LOGIN_COOKIE) String loginCookie) {
        if (csrf == null || loginCookie == null || !Secrets.constantTimeEquals(csrf, loginCookie)) {
            return Uni.createFrom().item(signInForm(null, "This sign-in form has expired. Sign in again.", 403));
        }
        if (credential == null || credential.isBlank() || credential.length() > MAX_CREDENTIAL_LENGTH) {
            return Uni.createFrom().item(signInForm(null, "Enter the admin key or an admin JWT.", 400));
        }
        return adminCredentials.adminActor(credential.strip()).map(actor -> actor
                .map(who -> responses.signedIn(sessions.open(who), "/console/tenants"))
                .orElseGet(() -> signInForm(null, "That is not an admin credential of this Roster (a JWT must be"
                        + " valid and carry the admin group).", 401)));
    }

    /** The sign-in form with a fresh login CSRF token (also set in its cookie), and a notice or an error above it. */
    private Response signInForm(String notice, String error, int status) {
        String loginCsrf = CookieSigner.randomToken();
        return responses.signInPage(Templates.signIn(loginCsrf, notice, error), loginCsrf, status);
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf) {
        // Signing out needs the form's token too: a third-party page must not be able to sign an operator out.
        Optional<ConsoleSession> session = sessions.read(cookie);
        if (session.isPresent() && !responses.csrfMatches(session.get(), csrf)) {
            return guard.problem(session.get(), "Form expired", "This form has expired. Reload the page and try again.",
                    403);
        }
        return responses.signedOut();
    }

    @GET
    @Path("tenants")
    public Uni<Response> tenantsPage(@CookieParam(ConsoleSessions.COOKIE) String cookie, @QueryParam("q") String q,
                                     @QueryParam("after") String after) {
        return guard.page(cookie, session -> listTenants(session, q, after, null, 200));
    }

    private Uni<Response> listTenants(ConsoleSession session, String q, String after, String error, int status) {
        String search = q == null || q.isBlank() ? null : bounded(q.strip());
        UUID afterId = after == null || after.isBlank() ? null : Ids.parse(after).orElse(null);
        return tenants.search(afterId, Paged.SIZE + 1, search).chain(rows -> {
            Paged<TenantEntity> page = Paged.of(rows, Paged.SIZE, last -> "/console/tenants?after=" + last.id
                    + (search == null ? "" : "&q=" + java.net.URLEncoder.encode(search,
                    java.nio.charset.StandardCharsets.UTF_8)));
            List<UUID> ids = page.items().stream().map(tenant -> tenant.id).toList();
            return users.seats(ids).chain(seats -> activity.lastRequests(ids).map(lastRequests -> {
                List<TenantRow> shown = page.items().stream().map(tenant -> new TenantRow(
                        TenantView.of(tenant, config, seats.get(tenant.id)), lastRequests.get(tenant.id))).toList();
                return responses.page(session, Templates.tenants(session, shown, search, page.next(), error),
                        status);
            }));
        });
    }

    @POST
    @Path("tenants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createTenant(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @RestForm String name, @RestForm String externalId,
                                      @Context RoutingContext rc) {
        return guard.change(cookie, csrf, session -> {
            String cleanName = name == null ? "" : name.strip();
            String cleanExternalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
            if (cleanName.isEmpty() || cleanName.length() > MAX_FIELD_LENGTH
                    || (cleanExternalId != null && cleanExternalId.length() > MAX_FIELD_LENGTH)) {
                return listTenants(session, null, null, "A tenant needs a name of at most " + MAX_FIELD_LENGTH
                        + " characters (and an external id of at most as many).", 400);
            }
            return tenants.create(tenant -> {
                tenant.name = cleanName;
                tenant.externalId = cleanExternalId;
            }).call(tenant -> audit.record(tenant.id, session.actor(), "POST /admin/v1/tenants", tenant.id, 201,
                    RequestIds.of(rc), null, TenantView.of(tenant, config, Seats.NONE)))
                    .map(tenant -> responses.seeOther(session, "/console/tenants/" + tenant.id))
                    .onFailure(Failure.class).recoverWithUni(failure -> listTenants(session, null,
                            null, failure.getMessage(), 409));
        });
    }

    @GET
    @Path("tenants/{tenantId}")
    public Uni<Response> tenantPage(@CookieParam(ConsoleSessions.COOKIE) String cookie,
                                    @PathParam("tenantId") String tenantId) {
        return guard.page(cookie, session -> showTenant(session, tenantId, null, 200));
    }

    private Uni<Response> showTenant(ConsoleSession session, String tenantId, String error, int status) {
        return guard.withTenantAndSeats(session, tenantId, view -> tokens.page(view.id(), null, MAX_TOKENS_SHOWN + 1)
                .chain(list -> health(view.id()).map(health -> responses.page(session,
                        Templates.tenant(session, view, list, health, error), status))));
    }

    /** The tenant page again, showing a refused change of its forms (tokens, settings). */
    @Override
    Uni<Response> show(ConsoleSession session, TenantView tenant, String error, int status) {
        return showTenant(session, tenant.id().toString(), error, status);
    }

    /** The sync health report and the last day's requests per hour, drawn. */
    private Uni<HealthView> health(UUID tenantId) {
        return syncHealth.report(tenantId).chain(report -> activity.hourly(tenantId, CHART_HOURS, java.time.Instant.now())
                .map(hours -> HealthView.of(report, HourlyChart.svg(hours))));
    }

    /**
     * The tenant's activity log: its SCIM requests newest first, filtered by status ({@code 404}, {@code 4xx},
     * {@code 400-499}), time (UTC) and resource id, paged.
     */
    @GET
    @Path("tenants/{tenantId}/activity")
    public Uni<Response> activityPage(@CookieParam(ConsoleSessions.COOKIE) String cookie,
                                      @PathParam("tenantId") String tenantId, @QueryParam("status") String status,
                                      @QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("resourceId") String resourceId, @QueryParam("before") String before) {
        return guard.page(cookie, session -> {
            ActivityFilter filter = new ActivityFilter(bounded(status), bounded(from), bounded(to), bounded(resourceId));
            return guard.withTenant(session, tenantId, view -> {
                ActivityQuery query;
                try {
                    query = filter.query(view.id(), before == null ? null : Ids.parse(before).orElse(null),
                            Paged.SIZE + 1);
                } catch (Failure invalid) {
                    return Uni.createFrom().item(responses.page(session, Templates.activity(session, view, List.of(),
                            filter, null, invalid.detail()), 400));
                }
                return activity.find(query).map(rows -> {
                    Paged<ActivityEntry> page = Paged.of(rows, Paged.SIZE, last -> filter.pageAfter(view.id(),
                            last.id()));
                    return responses.page(session, Templates.activity(session, view, page.items(), filter,
                            page.next(), null), 200);
                });
            });
        });
    }

    /** Creates a Secret Token and shows it this once; the page is not cached and its address shows nothing. */
    @POST
    @Path("tenants/{tenantId}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createToken(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                     @PathParam("tenantId") String tenantId, @RestForm String description,
                                     @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, view) -> Uni.createFrom().deferred(() -> tokens
                        .generate(view.id(), FormFields.description(description, "Secret token"), null))
                .call(generated -> audited(session, view, rc, "POST /admin/v1/tenants/{tenantId}/tokens",
                        generated.summary().id(), 201, null, generated.summary()))
                .map(generated -> responses.page(session, Templates.tokenCreated(session, view, generated.token(),
                        generated.summary()), 200))
                .onFailure(Failure.class).recoverWithUni(refusedOn(session, view)));
    }

    @POST
    @Path("tenants/{tenantId}/tokens/{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revokeToken(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                     @PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId,
                                     @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, view) -> withId(session, view, tokenId, "token",
                token -> tokens.revoke(view.id(), token)
                        .call(() -> audited(session, view, rc, "DELETE /admin/v1/tenants/{tenantId}/tokens/{tokenId}",
                                token, 204, null, null))
                        .map(ignored -> responses.seeOther(session, "/console/tenants/" + view.id()))
                        .onFailure(Failure.class).recoverWithUni(refusedOn(session, view))));
    }

    /** The tenant's settings form: suspension, seat limit, what a SCIM DELETE does and how long a deleted user is kept. */
    @POST
    @Path("tenants/{tenantId}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveSettings(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @PathParam("tenantId") String tenantId, @RestForm String suspended,
                                      @RestForm String seatLimit, @RestForm String userDeletion,
                                      @RestForm String deletedUserRetentionDays, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, view) -> {
            TenantPatch patch;
            try {
                patch = TenantPatch.parse(SettingsForm.toMergePatch(suspended, seatLimit, userDeletion,
                        deletedUserRetentionDays), SettingsForm.FIELDS, MAX_FIELD_LENGTH);
            } catch (Failure invalid) {
                return show(session, view, invalid.detail(), 400);
            }
            TenantView[] before = new TenantView[1];
            return tenants.update(view.id(), tenant -> {
                before[0] = TenantView.of(tenant, config, null);
                patch.applyTo(tenant);
            }).chain(tenant -> tenant == null ? Uni.createFrom().item(guard.noSuchTenant(session, tenantId))
                    // Suspension (and its lifting) must bite at once on this pod, as through the admin API.
                    : credentials.invalidateTenant(tenant.id)
                    .chain(() -> audited(session, view, rc, "PATCH /admin/v1/tenants/{tenantId}", tenant.id, 200,
                            before[0], TenantView.of(tenant, config, null)))
                    .map(ignored -> responses.seeOther(session, "/console/tenants/" + tenant.id)));
        });
    }

    static String bounded(String text) {
        return text == null || text.length() <= MAX_FIELD_LENGTH ? text : text.substring(0, MAX_FIELD_LENGTH);
    }
}
