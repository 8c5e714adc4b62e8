package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.auth.Roles;
import dev.roster.setup.SetupLinkEntity;
import dev.roster.setup.SetupLinkService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{id}/setup-links} (issue 16, item 2): a link the host sends its customer's IT admin, whose
 * page shows the Tenant URL and a freshly issued credential once, then Entra's progress. The link's URL holds its secret:
 * it is in the creation's answer only (the audit log keeps it redacted; Roster stores its hash).
 */
@Path("/admin/v1/tenants/{tenantId}/setup-links")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SetupLinkResource {

    private static final Set<String> FIELDS = Set.of("credential", "expiresInHours");
    static final int DEFAULT_HOURS = 72;
    static final int LISTED = 100;

    @Inject
    SetupLinkService links;

    @RegisterForReflection
    public record SetupLinkView(UUID id, String credential, Instant createdAt, Instant expiresAt, Instant openedAt,
                                String state, String url) {

        static SetupLinkView of(SetupLinkEntity link, String url) {
            return new SetupLinkView(link.id, link.credential, link.createdAt, link.expiresAt, link.openedAt,
                    link.state(Instant.now()).name().toLowerCase(java.util.Locale.ROOT), url);
        }
    }

    /** {@code {"credential": "token" | "oauth", "expiresInHours": 1..168}}, both optional (token, 72 hours). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(@PathParam("tenantId") String tenantId, JsonNode body) {
        UUID tenant = AdminIds.tenant(tenantId);
        JsonNode fields = JsonFields.objectOrEmpty(body);
        JsonFields.rejectUnknown(fields, FIELDS);
        String credential = JsonFields.optionalText(fields, "credential", 10, SetupLinkEntity.TOKEN);
        if (!credential.equals(SetupLinkEntity.TOKEN) && !credential.equals(SetupLinkEntity.OAUTH)) {
            throw dev.roster.failure.Failure.invalid("'credential' must be \"token\" (a Secret Token, the default) or"
                    + " \"oauth\" (OAuth 2.0 client credentials).");
        }
        JsonNode hours = fields.get("expiresInHours");
        if (hours != null && (!hours.isIntegralNumber() || !hours.canConvertToInt() || hours.intValue() < 1
                || hours.intValue() > 168)) {
            throw dev.roster.failure.Failure.invalid("'expiresInHours' must be a whole number of hours from 1 to 168.");
        }
        Duration validity = Duration.ofHours(hours == null ? DEFAULT_HOURS : hours.intValue());
        return links.issue(tenant, credential, validity).map(issued -> Response
                .created(URI.create("/admin/v1/tenants/" + tenant + "/setup-links/" + issued.link().id))
                .header("Cache-Control", "no-store")
                .entity(SetupLinkView.of(issued.link(), issued.url())).build());
    }

    /** The tenant's links, newest first, with their state (open, opened, expired); never their URLs. */
    @GET
    public Uni<Page<SetupLinkView>> list(@PathParam("tenantId") String tenantId) {
        UUID tenant = AdminIds.tenant(tenantId);
        return links.ofTenant(tenant, LISTED).map(rows -> new Page<>(rows.stream()
                .map(link -> SetupLinkView.of(link, null)).toList(), null));
    }

}
