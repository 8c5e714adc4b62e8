package dev.roster.setup;

import dev.roster.activity.ActivityEntry;
import dev.roster.activity.ActivityLog;
import dev.roster.activity.ActivityQuery;
import dev.roster.auth.credential.CookieSigner;
import dev.roster.auth.credential.Secrets;
import dev.roster.audit.AuditLog;
import dev.roster.config.RosterConfig;
import dev.roster.failure.Failure;
import dev.roster.web.RequestIds;
import dev.roster.tenant.TenantEntity;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The customer's setup page (issue 16, item 2), reached through a setup link and nothing else: it shows the IT admin the
 * steps in Entra, the Tenant URL and, once, the credential; then whether Entra has connected, what its first cycle has
 * created, and the last errors with what to do. It reads only the link's tenant. The browser that opened the link keeps a
 * signed cookie naming the link, which is what lets it come back to the progress; any other browser is told the link was
 * used.
 */
@Path("/setup/{secret}")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    static final String SESSION_COOKIE = "roster_setup";
    static final String OPEN_COOKIE = "roster_setup_open";
    static final String PURPOSE = "setup page";
    static final Duration SESSION_LIFETIME = Duration.ofDays(1);
    static final int PROBLEMS_SHOWN = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(String tenantName, String secret, String csrf, Instant expiresAt);

        static native TemplateInstance page(SetupViews.Page page);

        static native TemplateInstance status(SetupViews.Status status);

        static native TemplateInstance gone(String title, String detail);
    }

    @Inject
    AuditLog audit;
    @Inject
    SetupLinkService links;
    @Inject
    ActivityLog activity;
    @Inject
    CookieSigner signer;
    @Inject
    RosterConfig config;

    @GET
    public Uni<Response> show(@PathParam("secret") String secret, @CookieParam(SESSION_COOKIE) String cookie) {
        return links.find(secret).chain(link -> {
            if (link == null) {
                return Uni.createFrom().item(unknown());
            }
            if (opener(link, cookie)) {
                return links.tenantOf(link).chain(tenant -> status(link, tenant).map(status -> html(200,
                        Templates.page(page(link, tenant, secret, null, status)))));
            }
            SetupLinkEntity.State state = link.state(Instant.now());
            if (state != SetupLinkEntity.State.OPEN) {
                return Uni.createFrom().item(state == SetupLinkEntity.State.OPENED ? alreadyOpened(link)
                        : expired(link));
            }
            String csrf = CookieSigner.randomToken();
            return links.tenantOf(link).map(tenant -> Response.ok(Templates.landing(tenant.name, secret, csrf,
                            link.expiresAt).render(), MediaType.TEXT_HTML_TYPE)
                    .cookie(cookie(OPEN_COOKIE, csrf, 3600, NewCookie.SameSite.STRICT)).build());
        });
    }

    /** Opens the link: issues the credential and shows it this once. */
    @POST
    @Path("open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> open(@PathParam("secret") String secret, @RestForm String csrf,
                              @CookieParam(OPEN_COOKIE) String openCookie, @Context RoutingContext rc) {
        if (csrf == null || openCookie == null || !Secrets.constantTimeEquals(csrf, openCookie)) {
            return Uni.createFrom().item(html(403, Templates.gone("This page has expired",
                    "Open the setup link again and press the button on its page.")));
        }
        return links.open(secret).chain(opening -> switch (opening) {
            case SetupLinkService.Refused refused -> Uni.createFrom().item(switch (refused.reason()) {
                case UNKNOWN -> unknown();
                case EXPIRED -> expired(refused.link());
                case ALREADY_OPENED -> alreadyOpened(refused.link());
            });
            case SetupLinkService.Opened opened -> audited(opened, rc).chain(() -> status(opened.link(),
                    opened.tenant())).map(status -> {
                SetupViews.Page page = page(opened.link(), opened.tenant(), secret, opened, status);
                return Response.ok(Templates.page(page).render(), MediaType.TEXT_HTML_TYPE)
                        // Lax, not Strict: the admin comes back through the link in an e-mail (another site), and
                        // must then see the progress, not "already used". It only ever grants reading this page.
                        .cookie(cookie(SESSION_COOKIE, signer.sign(PURPOSE, sessionPayload(opened.link())),
                                (int) SESSION_LIFETIME.toSeconds(), NewCookie.SameSite.LAX),
                                cookie(OPEN_COOKIE, "", 0, NewCookie.SameSite.STRICT))
                        .build();
            });
        }).onFailure(Failure.class).recoverWithItem(failure -> html(failure.status(), Templates.gone(
                "This setup link cannot be opened now", "No credential could be issued for it (" + failure.detail()
                        + "). Nothing was issued and the link still works: ask the vendor's support to make room,"
                        + " then open it again.")));
    }

    /**
     * The credential a link issued, in the admin audit log as the admin API call that would have issued it, by the link
     * (the customer's IT admin opened it): every credential of a tenant has an entry there.
     */
    private Uni<Void> audited(SetupLinkService.Opened opened, RoutingContext rc) {
        SetupLinkEntity link = opened.link();
        String actor = "setup-link:" + link.id;
        return opened.token() != null
                ? audit.record(link.tenantId, actor, "POST /admin/v1/tenants/{tenantId}/tokens", link.credentialId, 201,
                        RequestIds.of(rc), null, opened.token().summary())
                : audit.record(link.tenantId, actor, "POST /admin/v1/tenants/{tenantId}/oauth-clients",
                        link.credentialId, 201, RequestIds.of(rc), null, opened.oauthClient().client());
    }

    /** The live part of the page, which its script fetches every few seconds (the page has a link for the same). */
    @GET
    @Path("status")
    public Uni<Response> liveStatus(@PathParam("secret") String secret, @CookieParam(SESSION_COOKIE) String cookie) {
        return links.find(secret).chain(link -> link == null || !opener(link, cookie)
                ? Uni.createFrom().item(Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                        .entity("<p>Open the setup link again in the browser that opened it.</p>").build())
                : links.tenantOf(link).chain(tenant -> status(link, tenant))
                        .map(status -> html(200, Templates.status(status))));
    }

    private Uni<SetupViews.Status> status(SetupLinkEntity link, TenantEntity tenant) {
        Instant since = link.openedAt == null ? link.createdAt : link.openedAt;
        ActivityQuery failures = new ActivityQuery(link.tenantId, 400, 599, since, null, null,
                null, PROBLEMS_SHOWN);
        return activity.progress(link.tenantId, since, link.credentialId)
                .chain(progress -> activity.find(failures).map(entries -> new SetupViews.Status(
                        tenant != null && tenant.suspended, progress.firstUse(), progress.lastRequest(),
                        progress.requests(), progress.failures(), progress.refused(), progress.usersCreated(),
                        progress.groupsCreated(), problems(entries))));
    }

    private static List<SetupViews.Problem> problems(List<ActivityEntry> entries) {
        return entries.stream().map(e -> new SetupViews.Problem(e.at(), e.method(), e.path(), e.status(), e.detail(),
                e.requestId(), SetupAdvice.of(e.status(), e.scimType()))).toList();
    }

    private SetupViews.Page page(SetupLinkEntity link, TenantEntity tenant, String secret,
                                 SetupLinkService.Opened opened, SetupViews.Status status) {
        boolean oauth = SetupLinkEntity.OAUTH.equals(link.credential);
        String token = opened != null && opened.token() != null ? opened.token().token() : null;
        String clientId = opened != null && opened.oauthClient() != null ? opened.oauthClient().client().id().toString()
                : null;
        String clientSecret = opened != null && opened.oauthClient() != null
                ? opened.oauthClient().secret().secret() : null;
        return new SetupViews.Page(tenant == null ? "" : tenant.name, config.tenantUrl(link.tenantId), secret, oauth,
                link.expiresAt, link.openedAt, token, clientId, clientSecret, config.publicBaseUrl() + "/oauth2/token",
                status);
    }

    /** Whether this browser opened the link: its cookie is signed by this deployment and names this link. */
    private boolean opener(SetupLinkEntity link, String cookie) {
        return link.openedAt != null && signer.verify(PURPOSE, cookie)
                .filter(payload -> payload.equals(sessionPayload(link))).isPresent();
    }

    private static String sessionPayload(SetupLinkEntity link) {
        return link.tenantId + "_" + link.id;
    }

    private static Response unknown() {
        return html(404, Templates.gone("This setup link is not valid",
                "Check that the whole link was copied into the address bar. If it was, ask the person who sent it for a"
                        + " new one."));
    }

    private static Response expired(SetupLinkEntity link) {
        return html(410, Templates.gone("This setup link has expired", "It could be opened until " + link.expiresAt
                + " (UTC). Ask the person who sent it for a new one."));
    }

    private static Response alreadyOpened(SetupLinkEntity link) {
        return html(410, Templates.gone("This setup link was already used", "It was opened on " + link.openedAt
                + " (UTC), and for safety a setup link opens only once, in one browser. If the setup was not finished,"
                + " ask the person who sent it for a new link; the credential shown then can be revoked."));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name).value(value).path("/setup").maxAge(maxAge).httpOnly(true)
                .secure(config.console().secureCookie()).sameSite(sameSite).build();
    }

}
