package dev.roster.auth;

import dev.roster.scim.error.ScimException;
import dev.roster.tenant.TenantContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tenant of the SCIM request being served, from the authenticated identity. Resources call {@link #require()} once per
 * request; a suspended tenant is refused here, in one place.
 */
@ApplicationScoped
public class CurrentTenant {

    @Inject
    SecurityIdentity identity;

    public TenantContext require() {
        TenantContext context = identity.getAttribute(Roles.TENANT_ATTRIBUTE);
        if (context == null) {
            throw ScimException.unauthorized("A SCIM credential is required.");
        }
        if (Boolean.TRUE.equals(identity.getAttribute(Roles.SUSPENDED_ATTRIBUTE))) {
            throw ScimException.forbidden("Provisioning into this workspace is suspended by the application vendor;"
                    + " contact them to resume it.");
        }
        return context;
    }
}
