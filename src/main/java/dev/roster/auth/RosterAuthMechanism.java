package dev.roster.auth;

import dev.roster.tenant.TenantUrls;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * The one authentication mechanism (docs/architecture.md, "The hot path"): it reads {@code Authorization: Bearer ...}
 * and, by path, hands it to the SCIM or the admin identity provider. A request without a usable bearer credential stays
 * anonymous; the endpoints' role checks then answer 401 in their surface's format.
 */
@ApplicationScoped
public class RosterAuthMechanism implements HttpAuthenticationMechanism {

    static final int MAX_CREDENTIAL_LENGTH = 8 * 1024;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identityProviderManager) {
        String path = rc.normalizedPath();
        BearerCredentialRequest.Surface surface = path.startsWith("/scim/") ? BearerCredentialRequest.Surface.SCIM
                : path.startsWith("/admin/") ? BearerCredentialRequest.Surface.ADMIN : null;
        String credential = bearer(rc.request().getHeader(HttpHeaderNames.AUTHORIZATION));
        if (surface == null || credential == null) {
            return Uni.createFrom().nullItem();
        }
        UUID pathTenant = surface == BearerCredentialRequest.Surface.SCIM ? TenantUrls.pathTenant(rc) : null;
        BearerCredentialRequest request = new BearerCredentialRequest(surface, credential, pathTenant);
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerCredentialRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /** The credential of an {@code Authorization: Bearer} header (scheme case-insensitive, RFC 6750 §2.1), else null. */
    static String bearer(String header) {
        if (header == null || header.length() > MAX_CREDENTIAL_LENGTH || header.length() < 8
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String credential = header.substring(7).trim();
        return credential.isEmpty() ? null : credential;
    }
}
