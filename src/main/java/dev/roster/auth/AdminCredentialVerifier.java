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
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.util.Optional;

/**
 * Admin credentials (README, "Admin API"): a three-part credential is a JWT checked against the configured admin
 * issuer; anything else is compared with {@code ROSTER_ADMIN_KEY} in constant time. A valid JWT without the admin group
 * authenticates but holds no role, so the endpoints answer 403.
 */
@ApplicationScoped
public class AdminCredentialVerifier {

    static final String ADMIN_KEY_ACTOR = "admin-key";

    @Inject
    RosterConfig config;
    @Inject
    AdminJwtVerifier jwtVerifier;

    public Uni<SecurityIdentity> verify(BearerCredentialRequest request, AuthenticationRequestContext context) {
        if (request.looksLikeJwt()) {
            // JWKS fetches may block: run on a worker thread.
            return context.runBlocking(() -> {
                AdminJwtVerifier.Verdict verdict = jwtVerifier.verify(request.credential());
                return switch (verdict.outcome()) {
                    case ADMIN -> identity(actorOf(verdict), true);
                    case NOT_ADMIN -> identity(actorOf(verdict), false);
                    case INVALID -> throw new AuthenticationFailedException();
                };
            });
        }
        if (!isAdminKey(request.credential())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(identity(ADMIN_KEY_ACTOR, true));
    }

    /**
     * Who a credential names when it grants admin access ({@code admin-key} or {@code jwt:<subject>}), for the console's
     * sign-in; empty for anything else, a JWT without the admin group included. A JWT is checked on a worker thread.
     */
    public Uni<Optional<String>> adminActor(String credential) {
        if (BearerCredentialRequest.jwtShaped(credential)) {
            return Uni.createFrom().item(() -> {
                AdminJwtVerifier.Verdict verdict = jwtVerifier.verify(credential);
                return verdict.outcome() == AdminJwtVerifier.Outcome.ADMIN ? Optional.of(actorOf(verdict))
                        : Optional.<String>empty();
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().item(isAdminKey(credential) ? Optional.of(ADMIN_KEY_ACTOR) : Optional.empty());
    }

    private boolean isAdminKey(String credential) {
        return config.adminKey()
                .filter(key -> !key.isBlank())
                .map(key -> Secrets.constantTimeEquals(credential, key))
                .orElse(false);
    }

    /** The principal names who acted (the audit log's actor): the JWT's subject. */
    private static String actorOf(AdminJwtVerifier.Verdict verdict) {
        return "jwt:" + (verdict.subject() == null ? "(no subject)" : verdict.subject());
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
