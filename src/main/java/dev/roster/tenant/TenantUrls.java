package dev.roster.tenant;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The tenant named by a Tenant URL ({@code /scim/v2/{tenantId}/...}), which the HTTP entry filter (web) takes out of the path
 * before routing. Authentication requires the credential to belong to it; responses echo the form in meta.location.
 */
@ApplicationScoped
public class TenantUrls {

    public static final String PATH_TENANT = "roster.pathTenant";

    @Inject
    CurrentVertxRequest request;

    /** The tenant of the Tenant URL this request came in on, or null in the single-URL form. */
    public static UUID pathTenant(RoutingContext rc) {
        return rc == null ? null : rc.get(PATH_TENANT);
    }

    /** Whether the current request came in on a Tenant URL. */
    public boolean tenantUrlForm() {
        return pathTenant(request.getCurrent()) != null;
    }
}
