package dev.roster.discovery;

import dev.roster.auth.CurrentTenant;
import dev.roster.auth.Roles;
import dev.roster.web.ScimEndpoints;
import dev.roster.web.ScimResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * SCIM discovery endpoints (RFC 7644 §4) in both URL forms: {@code /scim/v2/{tenantId}/...} and {@code /scim/v2/...}. They
 * require a credential like every SCIM endpoint, because Entra's Test Connection sends one and tenants' custom schemas
 * (issue on Users and Groups) are private to the tenant.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class DiscoveryResource {

    @Inject
    CurrentTenant currentTenant;
    @Inject
    ScimEndpoints endpoints;

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return ScimResponses.ok(ServiceProviderConfigDocument.build(endpoints.base(currentTenant.require(), false)));
    }

    @GET
    @Path(ScimEndpoints.TENANT_SEGMENT + "/ServiceProviderConfig")
    public Response tenantServiceProviderConfig() {
        return ScimResponses.ok(ServiceProviderConfigDocument.build(endpoints.base(currentTenant.require(), true)));
    }
}
