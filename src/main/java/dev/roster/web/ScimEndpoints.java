package dev.roster.web;

import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Base URLs of a tenant's SCIM endpoints. {@code meta.location} uses the form the request came in on (contracts.md): the
 * Tenant URL form names the tenant, the single-URL form does not.
 */
@ApplicationScoped
public class ScimEndpoints {

    public static final String ROOT = "/scim/v2";
    /** Path template segment of the Tenant URL form; only UUIDs match, so "Users" is never taken for a tenant id. */
    public static final String TENANT_SEGMENT =
            "{tenantId: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    RosterConfig config;

    /**
     * The {@code cursor} query parameter (RFC 9865): its value, "" when sent without one ({@code ?cursor} or
     * {@code ?cursor=} asks for the first page), or null when absent. JAX-RS cannot tell the last two cases apart.
     */
    public static String cursorParameter(HttpServerRequest request) {
        return request.params().contains("cursor") ? request.params().get("cursor") : null;
    }

    public String base(TenantContext tenant, boolean tenantUrlForm) {
        return tenantUrlForm ? config.publicBaseUrl() + ROOT + "/" + tenant.tenantId() : config.publicBaseUrl() + ROOT;
    }
}
