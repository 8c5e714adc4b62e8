package dev.roster.auth.oauth;

import dev.roster.config.RosterConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.roster.auth.credential.IssuedAt;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mints and verifies Roster's OAuth access tokens (README, "Credentials"): RS256 JWTs with {@code iss} = the public
 * URL, {@code aud} = {@code roster-scim}, {@code sub} = the client id and {@code tid} = the tenant id. Verification is
 * local (no I/O), so it runs on the event loop.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String AUDIENCE = "roster-scim";
    public static final String TENANT_CLAIM = "tid";

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private static final int CLOCK_SKEW_SECONDS = 30;
    private final DefaultJWTParser parser;

    @Inject
    public AccessTokens(SigningKeys keys, RosterConfig config) {
        this.keys = keys;
        this.issuer = config.publicBaseUrl();
        this.lifetime = config.oauth().tokenLifetime();
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(keys.verificationJwks());
        info.setIssuedBy(issuer);
        info.setExpectedAudience(Set.of(AUDIENCE));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of(TENANT_CLAIM, "sub", "exp", "iat"));
        info.setClockSkew(CLOCK_SKEW_SECONDS);
        this.parser = new DefaultJWTParser(info);
    }

    public record Issued(String token, long expiresInSeconds) {
    }

    /** The claims a verified token vouches for. */
    public record Verified(UUID tenantId, UUID clientId) {
    }

    public Issued issue(UUID tenantId, UUID clientId) {
        Instant now = Instant.now();
        String token = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject(clientId.toString())
                .claim(TENANT_CLAIM, tenantId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(keys.signingKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(keys.signingKey());
        return new Issued(token, lifetime.toSeconds());
    }

    /** The verified claims, or empty for any bad token (wrong signature, issuer, audience, expired, malformed). */
    public Optional<Verified> verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            if (IssuedAt.inFuture(jwt, CLOCK_SKEW_SECONDS)) {
                return Optional.empty();
            }
            UUID tenant = UUID.fromString(claimText(jwt.getClaim(TENANT_CLAIM)));
            UUID client = UUID.fromString(jwt.getSubject());
            return Optional.of(new Verified(tenant, client));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Custom claims may surface as JSON-P strings; their toString() would keep the quotes. */
    private static String claimText(Object claim) {
        return claim instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(claim);
    }
}
