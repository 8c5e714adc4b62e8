package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.admin.AdminViews.ClientSecretView;
import dev.roster.admin.AdminViews.OAuthClientView;
import dev.roster.auth.Roles;
import dev.roster.auth.oauth.OAuthClientService;
import dev.roster.config.RosterConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /admin/v1/tenants/{id}/oauth-clients}: client id and secrets for Entra's OAuth client credentials setting. */
@Path("/admin/v1/tenants/{tenantId}/oauth-clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OAuthClientResource {

    static final int MAX_DESCRIPTION_LENGTH = 200;
    private static final Set<String> CREATE_FIELDS = Set.of("description", "secretExpiresAt");
    private static final Set<String> SECRET_FIELDS = Set.of("expiresAt");

    @Inject
    OAuthClientService clients;
    @Inject
    RosterConfig config;

    /** Creates the client with its first secret, which this response shows once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        JsonNode fields = JsonFields.objectOrEmpty(body);
        JsonFields.rejectUnknown(fields, CREATE_FIELDS);
        String description = JsonFields.optionalText(fields, "description", MAX_DESCRIPTION_LENGTH, "OAuth client");
        var expiresAt = JsonFields.optionalFutureInstant(fields, "secretExpiresAt");
        return clients.create(tenant, description, expiresAt).map(created -> {
            OAuthClientView withSecret = OAuthClientView.of(created.client(),
                    List.of(ClientSecretView.of(created.secret())), config.publicBaseUrl());
            return Response.created(URI.create(location(tenant, created.client().id())))
                    .header("Cache-Control", "no-store").entity(withSecret).build();
        });
    }

    @GET
    public Uni<Page<OAuthClientView>> list(@PathParam("tenantId") String tenantId, @QueryParam("after") String after,
                                           @QueryParam("limit") String limit) {
        UUID tenant = AdminIds.tenant(tenantId);
        PageRequest page = PageRequest.of(after, limit);
        return clients.page(tenant, page.after(), page.fetchSize())
                .map(rows -> page.toPage(rows, client -> client.client().id(),
                        client -> OAuthClientView.of(client, config.publicBaseUrl())));
    }

    @GET
    @Path("{clientId}")
    public Uni<OAuthClientView> get(@PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId) {
        return clients.get(AdminIds.tenant(tenantId), AdminIds.parse(clientId, "OAuth client"))
                .map(client -> OAuthClientView.of(client, config.publicBaseUrl()));
    }

    @DELETE
    @Path("{clientId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId) {
        return clients.delete(AdminIds.tenant(tenantId), AdminIds.parse(clientId, "OAuth client"))
                .map(ignored -> Response.noContent().build());
    }

    /** Adds a secret for a rotation: configure it in Entra, then revoke the old one. */
    @POST
    @Path("{clientId}/secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addSecret(@PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId,
                                   JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        UUID client = AdminIds.parse(clientId, "OAuth client");
        JsonNode fields = JsonFields.objectOrEmpty(body);
        JsonFields.rejectUnknown(fields, SECRET_FIELDS);
        var expiresAt = JsonFields.optionalFutureInstant(fields, "expiresAt");
        return clients.addSecret(tenant, client, expiresAt).map(secret -> Response
                .created(URI.create(location(tenant, client) + "/secrets/" + secret.summary().id()))
                .header("Cache-Control", "no-store").entity(ClientSecretView.of(secret)).build());
    }

    @DELETE
    @Path("{clientId}/secrets/{secretId}")
    public Uni<Response> revokeSecret(@PathParam("tenantId") String tenantId, @PathParam("clientId") String clientId,
                                      @PathParam("secretId") String secretId) {
        return clients.revokeSecret(AdminIds.tenant(tenantId), AdminIds.parse(clientId, "OAuth client"),
                        AdminIds.parse(secretId, "secret"))
                .map(ignored -> Response.noContent().build());
    }

    private static String location(UUID tenant, UUID client) {
        return "/admin/v1/tenants/" + tenant + "/oauth-clients/" + client;
    }
}
