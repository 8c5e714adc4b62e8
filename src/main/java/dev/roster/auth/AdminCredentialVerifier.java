package dev.roster.auth;

import dev.roster.auth.credential.Secrets;
import dev.roster.config.RosterConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Admin credentials (README, "Admin API"): a three-part credential is a JWT checked against the configured admin
 * issuer; anything else is compared with {@code ROSTER_ADMIN_KEY} in constant time. A valid JWT without the admin group
 * authenticates but holds no role, so the endpoints answer 403.
 */
@ApplicationScoped
public class AdminCredentialVerifier {

    @Inject
    RosterConfig config;
    @Inject
    AdminJwtVerifier jwtVerifier;

    public Uni<SecurityIdentity> verify(BearerCredentialRequest request, AuthenticationRequestContext context) {
        if (request.looksLikeJwt()) {
            // JWKS fetches may block: run on a worker thread.
            return context.runBlocking(() -> {
                AdminJwtVerifier.Verdict verdict = jwtVerifier.verify(request.credential());
                // The principal names who acted (the audit log's actor): the JWT's subject.
                String who = "jwt:" + (verdict.subject() == null ? "(no subject)" : verdict.subject());
                return switch (verdict.outcome()) {
                    case ADMIN -> identity(who, true);
                    case NOT_ADMIN -> identity(who, false);
                    case INVALID -> throw new AuthenticationFailedException();
                };
            });
        }
        boolean matches = config.adminKey()
                .filter(key -> !key.isBlank())
                .map(key -> Secrets.constantTimeEquals(request.credential(), key))
                .orElse(false);
        if (!matches) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(identity("admin-key", true));
    }

    private static SecurityIdentity identity(String principal, boolean admin) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal));
        if (admin) {
            builder.addRole(Roles.ADMIN);
        }
        return builder.build();
    }
}
