package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.auth.oauth.OAuthClientService;
import dev.roster.config.RosterConfig;
import dev.roster.failure.Failure;
import dev.roster.setup.SetupLinkEntity;
import dev.roster.setup.SetupLinkService;
import dev.roster.tenant.Ids;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A tenant's other ways in, in the console (issue 16, items 1 and 2): OAuth clients (created with their first secret
 * shown once, listed by secret hints, deleted) and setup links for the customer's IT admin (created with the link shown
 * once, listed with their state). Through the admin API's services; audited as its calls.
 */
@Path("/console/tenants/{tenantId}/credentials")
@Produces(MediaType.TEXT_HTML)
public class ConsoleCredentialsResource extends TenantConsolePage {

    static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance credentials(ConsoleSession session, TenantView tenant,
                                                   List<OAuthClientService.ClientWithSecrets> clients,
                                                   List<SetupLinkEntity> links, String error);

        static native TemplateInstance shownOnce(ConsoleSession session, TenantView tenant, String title,
                                                 String what, String value, String clientId, String tokenEndpoint);
    }

    @Inject
    OAuthClientService clients;
    @Inject
    SetupLinkService setupLinks;
    @Inject
    RosterConfig config;

    @GET
    public Uni<Response> page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId) {
        return tenantPage(cookie, tenantId, (session, tenant) -> show(session, tenant, null, 200));
    }

    @POST
    @Path("oauth-clients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createClient(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @PathParam("tenantId") String tenantId, @RestForm String description,
                                      @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> Uni.createFrom().deferred(() -> clients
                        .create(tenant.id(), FormFields.description(description, "Entra provisioning"), null))
                .call(created -> audited(session, tenant, rc, "POST /admin/v1/tenants/{tenantId}/oauth-clients",
                        created.client().id(), 201, null, created.client()))
                .map(created -> responses.page(session, Templates.shownOnce(session, tenant, "New OAuth client",
                        "Client secret", created.secret().secret(), created.client().id().toString(),
                        config.publicBaseUrl() + "/oauth2/token"), 200))
                .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
    }

    @POST
    @Path("oauth-clients/{clientId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteClient(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId,
                                      @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            return withId(session, tenant, clientId, "OAuth client", client -> clients.delete(tenant.id(), client)
                    .call(() -> audited(session, tenant, rc,
                            "DELETE /admin/v1/tenants/{tenantId}/oauth-clients/{clientId}", client, 204, null, null))
                    .map(ignored -> responses.seeOther(session, base(tenant.id())))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    /**
     * A client secret rotation, first half: a new secret beside the old ones, shown this once. The customer puts it in
     * Entra; then the old one is revoked (below).
     */
    @POST
    @Path("oauth-clients/{clientId}/secrets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addSecret(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                   @PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId,
                                   @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            return withId(session, tenant, clientId, "OAuth client", client -> clients
                    .addSecret(tenant.id(), client, null)
                    .call(secret -> audited(session, tenant, rc,
                            "POST /admin/v1/tenants/{tenantId}/oauth-clients/{clientId}/secrets", secret.summary().id(),
                            201, null, secret.summary()))
                    .map(secret -> responses.page(session, Templates.shownOnce(session, tenant, "New client secret",
                            "Client secret (put it in Entra, then revoke the old one)", secret.secret(),
                            client.toString(), config.publicBaseUrl() + "/oauth2/token"), 200))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }

    /** A client secret rotation, second half: the old secret stops working at once. */
    @POST
    @Path("oauth-clients/{clientId}/secrets/{secretId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> revokeSecret(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                      @PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId,
                                      @PathParam("secretId") String secretId, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            return withIds(session, tenant, clientId, secretId, "client secret", (client, secret) -> clients
                    .revokeSecret(tenant.id(), client, secret)
                    .call(() -> audited(session, tenant, rc,
                            "DELETE /admin/v1/tenants/{tenantId}/oauth-clients/{clientId}/secrets/{secretId}",
                            secret, 204, null, null))
                    .map(ignored -> responses.seeOther(session, base(tenant.id())))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant)));
        });
    }


    /** A setup link for the customer's IT admin; its address is shown this once (Roster keeps only a hash). */
    @POST
    @Path("setup-links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createSetupLink(@CookieParam(ConsoleSessions.COOKIE) String cookie, @RestForm String csrf,
                                         @PathParam("tenantId") String tenantId, @RestForm String credential,
                                         @RestForm String hours, @Context RoutingContext rc) {
        return tenantChange(cookie, csrf, tenantId, (session, tenant) -> {
            String kind = SetupLinkEntity.OAUTH.equals(credential) ? SetupLinkEntity.OAUTH : SetupLinkEntity.TOKEN;
            int validity;
            try {
                validity = hours == null || hours.isBlank() ? 72 : Integer.parseInt(hours.strip());
            } catch (NumberFormatException e) {
                return show(session, tenant, "A setup link is valid for a whole number of hours, 1 to 168.", 400);
            }
            return Uni.createFrom().deferred(() -> setupLinks.issue(tenant.id(), kind, Duration.ofHours(validity)))
                    .call(issued -> audited(session, tenant, rc,
                            "POST /admin/v1/tenants/{tenantId}/setup-links", issued.link().id, 201,
                            null, java.util.Map.of("credential", kind, "expiresAt", issued.link().expiresAt.toString())))
                    .map(issued -> responses.page(session, Templates.shownOnce(session, tenant, "New setup link",
                            "Setup link (send it to the customer's IT admin; it opens once, until "
                                    + issued.link().expiresAt + " UTC)", issued.url(), null, null), 200))
                    .onFailure(Failure.class).recoverWithUni(refusedOn(session, tenant));
        });
    }

    @Override
    Uni<Response> show(ConsoleSession session, TenantView tenant, String error, int status) {
        return clients.page(tenant.id(), null, SHOWN).chain(list -> setupLinks.ofTenant(tenant.id(), SHOWN)
                .map(links -> responses.page(session, Templates.credentials(session, tenant, list, links, error),
                        status)));
    }


    private static String base(UUID tenantId) {
        return "/console/tenants/" + tenantId + "/credentials";
    }
}
