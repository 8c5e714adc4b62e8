package dev.roster.auth;

import dev.roster.auth.credential.ResolvedCredential;
import dev.roster.auth.credential.CredentialCache;
import dev.roster.auth.credential.Secrets;
import dev.roster.auth.oauth.AccessTokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a SCIM bearer credential (an {@code rst_} secret token, a Roster-issued OAuth JWT, or an Entra workload
 * identity token) to its tenant. Every
 * failure looks the same from outside: unknown, expired, revoked and foreign-tenant credentials all fail alike, so a caller
 * learns nothing about another tenant.
 */
@ApplicationScoped
public class ScimCredentialVerifier {

    @Inject
    CredentialStore store;
    @Inject
    CredentialCache cache;
    @Inject
    AccessTokens accessTokens;
    @Inject
    LastUsedRecorder lastUsed;
    @Inject
    EntraFederation federation;

    public Uni<SecurityIdentity> verify(BearerCredentialRequest request, AuthenticationRequestContext context) {
        EntraFederation.Claimed entra = BearerCredentialRequest.jwtShaped(request.credential())
                ? federation.claimed(request.credential()) : null;
        if (entra != null) {
            return federation.authenticate(request.credential(), entra, request.pathTenant(), context);
        }
        return resolve(request.credential())
                .map(resolved -> {
                    if (resolved == null || resolved.expiredAt(Instant.now())
                            || (request.pathTenant() != null && !request.pathTenant().equals(resolved.context().tenantId()))) {
                        throw new AuthenticationFailedException();
                    }
                    lastUsed.used(resolved.context());
                    return identity(resolved);
                });
    }

    private Uni<ResolvedCredential> resolve(String credential) {
        if (credential.startsWith(Secrets.TOKEN_PREFIX) && credential.length() <= Secrets.MAX_SECRET_LENGTH) {
            byte[] hash = Secrets.sha256(credential);
            return cache.get(CredentialCache.tokenKey(hash), () -> store.findTokenByHash(hash));
        }
        if (BearerCredentialRequest.jwtShaped(credential)) {
            Optional<AccessTokens.Verified> verified = accessTokens.verify(credential);
            if (verified.isPresent()) {
                UUID clientId = verified.get().clientId();
                UUID tokenTenant = verified.get().tenantId();
                // The client must still exist (deleting it revokes its tokens within the cache TTL) and belong to the
                // tenant the token names.
                return cache.get(CredentialCache.oauthClientKey(clientId), () -> store.findOAuthClient(clientId))
                        .map(client -> client != null && client.context().tenantId().equals(tokenTenant) ? client : null);
            }
        }
        return Uni.createFrom().nullItem();
    }

    static SecurityIdentity identity(ResolvedCredential resolved) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("credential:" + resolved.context().credentialId()))
                .addRole(Roles.SCIM)
                .addAttribute(Roles.TENANT_ATTRIBUTE, resolved.context())
                .addAttribute(Roles.SUSPENDED_ATTRIBUTE, resolved.tenantSuspended())
                .build();
    }
}
