package dev.roster.fairuse;

import dev.roster.auth.Roles;
import dev.roster.tenant.TenantContext;
import dev.roster.web.Surface;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admits every authenticated SCIM request through its tenant's fair use ({@link FairUse}) before the endpoint runs, and
 * frees its place when the response has ended. An unauthenticated request passes untouched: the endpoint answers 401,
 * and nobody can spend a tenant's share without its credential.
 */
public class FairUseFilter {

    @Inject
    FairUse fairUse;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> admit(RoutingContext rc) {
        if (!fairUse.enabled() || Surface.of(rc.request().path()) != Surface.SCIM) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            TenantContext tenant = identity == null || identity.isAnonymous() ? null
                    : identity.getAttribute(Roles.TENANT_ATTRIBUTE);
            if (tenant == null) {
                return Uni.createFrom().voidItem();
            }
            return fairUse.admit(tenant).invoke(release -> rc.addEndHandler(ended -> release.run())).replaceWithVoid();
        });
    }
}
