package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.admin.AdminViews.TenantView;
import dev.roster.audit.AuditTrail;
import dev.roster.auth.credential.CredentialCache;
import dev.roster.auth.Roles;
import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantEntity;
import dev.roster.tenant.TenantService;
import dev.roster.directory.Seats;
import dev.roster.directory.UserDirectory;
import dev.roster.failure.Failure;
import dev.roster.web.ScimMediaType;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/** {@code /admin/v1/tenants}: the host app creates one tenant per customer workspace. */
@Path("/admin/v1/tenants")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    static final int MAX_NAME_LENGTH = 200;
    /** Every setting may be given at creation as well as by merge patch (issue 15, item 2). */
    private static final Set<String> FIELDS = Set.of("name", "externalId", "suspended", "patchQuirks", "sendActivation",
            "seatLimit", "userDeletion", "deletedUserRetentionDays", "entraFederation", "limits",
            "advertisePagination");

    @Inject
    TenantService tenants;
    @Inject
    RosterConfig config;
    @Inject
    UserDirectory users;
    @Inject
    CredentialCache credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        JsonFields.requireObject(body);
        JsonFields.requiredText(body, "name", MAX_NAME_LENGTH);
        TenantPatch settings = TenantPatch.parse(body, FIELDS, MAX_NAME_LENGTH);
        return tenants.create(settings::applyTo).map(tenant -> Response.created(URI.create("/admin/v1/tenants/" + tenant.id))
                .entity(TenantView.of(tenant, config, Seats.NONE)).build());
    }

    @GET
    public Uni<Page<TenantView>> list(@QueryParam("after") String after, @QueryParam("limit") String limit,
                                      @QueryParam("externalId") String externalId) {
        PageRequest page = PageRequest.of(after, limit);
        return tenants.page(page.after(), page.fetchSize(), externalId)
                .chain(rows -> users.seats(rows.stream().map(tenant -> tenant.id).toList())
                        .map(seats -> page.toPage(rows, tenant -> tenant.id,
                                tenant -> TenantView.of(tenant, config, seats.get(tenant.id)))));
    }

    @GET
    @Path("{tenantId}")
    public Uni<TenantView> get(@PathParam("tenantId") String tenantId) {
        UUID id = AdminIds.tenant(tenantId);
        return tenants.find(id).chain(tenant -> {
            if (tenant == null) {
                throw Failure.notFound("No tenant " + id + ".");
            }
            return view(tenant);
        });
    }

    /** JSON merge patch (RFC 7396) of the tenant's settings. */
    @PATCH
    @Path("{tenantId}")
    @Consumes({ScimMediaType.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Uni<TenantView> patch(@PathParam("tenantId") String tenantId, JsonNode body,
                                 @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext rc) {
        UUID id = AdminIds.tenant(tenantId);
        TenantPatch patch = TenantPatch.parse(JsonFields.requireObject(body), FIELDS, MAX_NAME_LENGTH);
        return tenants.update(id, tenant -> {
            AuditTrail.before(rc, TenantView.of(tenant, config, null));
            patch.applyTo(tenant);
        }).chain(tenant -> {
            if (tenant == null) {
                throw Failure.notFound("No tenant " + id + ".");
            }
            // Suspension (and its lifting) must bite at once on this pod, not when cached credentials expire.
            return credentials.invalidateTenant(id).chain(() -> view(tenant));
        });
    }

    /** Removes the tenant with all of its users, groups, credentials and events. */
    @DELETE
    @Path("{tenantId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId,
                                @jakarta.ws.rs.core.Context io.vertx.ext.web.RoutingContext rc) {
        UUID id = AdminIds.tenant(tenantId);
        return tenants.find(id).invoke(tenant -> {
            if (tenant != null) {
                AuditTrail.before(rc, TenantView.of(tenant, config, null));
            }
        }).chain(() -> tenants.delete(id)).call(() -> credentials.invalidateTenant(id)).map(deleted -> {
            if (!deleted) {
                throw Failure.notFound("No tenant " + id + ".");
            }
            return Response.noContent().build();
        });
    }

    private Uni<TenantView> view(TenantEntity tenant) {
        return users.seats(java.util.List.of(tenant.id))
                .map(seats -> TenantView.of(tenant, config, seats.get(tenant.id)));
    }
}
