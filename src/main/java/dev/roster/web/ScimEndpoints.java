package dev.roster.web;

import dev.roster.tenant.TenantUrls;
import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Base URLs of a tenant's SCIM endpoints. {@code meta.location} uses the form the request came in on (docs/entra.md,
 * "Every response"): the Tenant URL form names the tenant, the single-URL form does not.
 */
@ApplicationScoped
public class ScimEndpoints {

    /** Resources are mounted here only; the Tenant URL form reaches them through {@link HttpEntryFilters}. */
    public static final String ROOT = ScimPaths.ROOT;

    @Inject
    RosterConfig config;
    @Inject
    TenantUrls tenantUrls;

    /**
     * The {@code cursor} query parameter (RFC 9865): its value, "" when sent without one ({@code ?cursor} or
     * {@code ?cursor=} asks for the first page), or null when absent. JAX-RS cannot tell the last two cases apart.
     */
    public static String cursorParameter(HttpServerRequest request) {
        return request.params().contains("cursor") ? request.params().get("cursor") : null;
    }

    /** The base URL in the form the current request came in on. */
    public String base(TenantContext tenant) {
        return tenantUrls.tenantUrlForm() ? config.publicBaseUrl() + ROOT + "/" + tenant.tenantId()
                : config.publicBaseUrl() + ROOT;
    }
}
