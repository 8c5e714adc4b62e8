package dev.roster.auth;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantSchemas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.BiFunction;

/** The caller of a SCIM endpoint: its tenant (from the credential) and that tenant's schema registry. */
@ApplicationScoped
public class ScimCaller {

    @Inject
    CurrentTenant currentTenant;
    @Inject
    TenantSchemas schemas;

    public TenantContext tenant() {
        return currentTenant.require();
    }

    /** Runs work with the caller's tenant and schemas (the registry is cached per pod, see TenantSchemas). */
    public Uni<Response> withSchemas(BiFunction<TenantContext, SchemaRegistry, Uni<Response>> work) {
        TenantContext tenant = currentTenant.require();
        return schemas.registry(tenant.tenantId()).chain(registry -> work.apply(tenant, registry));
    }

    /** Resource ids are UUIDs; anything else names no resource (404, never a 500). */
    public static UUID resourceId(String id, String resourceType) {
        return Ids.parse(id).orElseThrow(() -> ScimException.notFound(resourceType + " "
                + (id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "..." : id) + " not found."));
    }
}
