package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.admin.AdminViews.GeneratedTokenView;
import dev.roster.admin.AdminViews.TokenView;
import dev.roster.auth.Roles;
import dev.roster.auth.token.SecretTokenService;
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
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** {@code /admin/v1/tenants/{id}/tokens}: the "Secret Token" of Entra's provisioning settings. */
@Path("/admin/v1/tenants/{tenantId}/tokens")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    static final int MAX_DESCRIPTION_LENGTH = 200;
    private static final Set<String> CREATE_FIELDS = Set.of("description", "expiresAt");

    @Inject
    SecretTokenService tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> generate(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        JsonNode fields = JsonFields.objectOrEmpty(body);
        JsonFields.rejectUnknown(fields, CREATE_FIELDS);
        String description = JsonFields.optionalText(fields, "description", MAX_DESCRIPTION_LENGTH, "Secret token");
        Instant expiresAt = JsonFields.optionalFutureInstant(fields, "expiresAt");
        return tokens.generate(tenant, description, expiresAt).map(generated -> Response
                .created(URI.create("/admin/v1/tenants/" + tenant + "/tokens/" + generated.summary().id()))
                .header("Cache-Control", "no-store")
                .entity(GeneratedTokenView.of(generated))
                .build());
    }

    @GET
    public Uni<Page<TokenView>> list(@PathParam("tenantId") String tenantId, @QueryParam("after") String after,
                                     @QueryParam("limit") String limit) {
        UUID tenant = AdminIds.tenant(tenantId);
        PageRequest page = PageRequest.of(after, limit);
        return tokens.page(tenant, page.after(), page.fetchSize())
                .map(rows -> page.toPage(rows, token -> token.id(), TokenView::of));
    }

    @DELETE
    @Path("{tokenId}")
    public Uni<Response> revoke(@PathParam("tenantId") String tenantId, @PathParam("tokenId") String tokenId) {
        UUID tenant = AdminIds.tenant(tenantId);
        UUID token = AdminIds.parse(tokenId, "token");
        return tokens.revoke(tenant, token).map(ignored -> Response.noContent().build());
    }
}
