package dev.roster.auth;

import dev.roster.auth.credential.ResolvedCredential;
import dev.roster.auth.credential.IssuedAt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantContext.CredentialKind;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Workload identity federation (docs/entra.md, R-06): Entra ID sends a token it signed itself, with
 * {@code iss = <authority>/<entra tenant>/v2.0} and {@code aud = api://<application id>}, checked against the keys it
 * publishes at {@code <authority>/<entra tenant>/discovery/v2.0/keys}. A Roster tenant opts in by naming the Entra tenant
 * and audience it trusts (admin API: {@code entraFederation}); no secret is shared at all.
 */
@ApplicationScoped
public class EntraFederation {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");
    private static final int MAX_PARSERS = 1000;

    @Inject
    RosterConfig config;
    @Inject
    CredentialStore store;
    @Inject
    ObjectMapper mapper;

    /** One parser per (Entra tenant, audience): each keeps its own cache of the published keys. */
    private static final int CLOCK_SKEW_SECONDS = 60;
    private final ConcurrentHashMap<String, DefaultJWTParser> parsers = new ConcurrentHashMap<>();

    /** Claims read before verification, only to choose the keys and the tenant; nothing is trusted until verified. */
    public record Claimed(String entraTenantId, String audience) {
    }

    /**
     * Authenticates a token that claims Entra as issuer: exactly one Roster tenant (the Tenant URL's, in that form) must
     * trust its Entra tenant and audience, and its signature, issuer, audience and expiry must verify.
     */
    public Uni<SecurityIdentity> authenticate(String token, Claimed claimed, UUID pathTenant,
                                              AuthenticationRequestContext context) {
        return store.findFederatedTenants(claimed.entraTenantId()).chain(tenants -> {
            var trusting = tenants.stream()
                    .filter(t -> claimed.audience().equals(t.audience()))
                    .filter(t -> pathTenant == null || pathTenant.equals(t.tenantId()))
                    .toList();
            // In the single-URL form the token must name exactly one tenant.
            if (trusting.size() != 1) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            var tenant = trusting.get(0);
            return context.runBlocking(() -> {
                String subject = verify(token, claimed);
                if (subject == null) {
                    throw new AuthenticationFailedException();
                }
                UUID credentialId = UUID.nameUUIDFromBytes(("entra:" + claimed.entraTenantId() + ":" + subject)
                        .getBytes(StandardCharsets.UTF_8));
                return ScimCredentialVerifier.identity(new ResolvedCredential(new TenantContext(tenant.tenantId(),
                        credentialId, CredentialKind.ENTRA_FEDERATION, tenant.patchQuirks(), tenant.sendActivation(),
                        tenant.seatLimited(), tenant.limits()), null, tenant.suspended()));
            });
        });
    }

    /** The verified subject, or null. May fetch Entra's keys, hence on a worker thread. */
    private String verify(String token, Claimed claimed) {
        DefaultJWTParser parser = parsers.computeIfAbsent(claimed.entraTenantId() + "|" + claimed.audience(), key -> {
            if (parsers.size() >= MAX_PARSERS) {
                parsers.clear();
            }
            JWTAuthContextInfo info = new JWTAuthContextInfo();
            info.setIssuedBy(issuer(claimed.entraTenantId()));
            info.setExpectedAudience(Set.of(claimed.audience()));
            info.setPublicKeyLocation(authority() + "/" + claimed.entraTenantId() + "/discovery/v2.0/keys");
            info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
            info.setClockSkew(CLOCK_SKEW_SECONDS);
            return new DefaultJWTParser(info);
        });
        try {
            JsonWebToken jwt = parser.parse(token);
            return IssuedAt.inFuture(jwt, CLOCK_SKEW_SECONDS) ? null : jwt.getSubject();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /** The Entra tenant and audience the token claims, when its issuer is Entra's; null otherwise. */
    public Claimed claimed(String token) {
        try {
            String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(payload));
            String issuer = claims.path("iss").asText("");
            String prefix = authority() + "/";
            if (!issuer.startsWith(prefix) || !issuer.endsWith("/v2.0")) {
                return null;
            }
            String entraTenant = issuer.substring(prefix.length(), issuer.length() - "/v2.0".length());
            JsonNode audience = claims.path("aud");
            String aud = audience.isArray() && audience.size() == 1 ? audience.get(0).asText() : audience.asText("");
            return GUID.matcher(entraTenant).matches() && !aud.isEmpty() ? new Claimed(entraTenant.toLowerCase(), aud)
                    : null;
        } catch (Exception e) {
            return null;
        }
    }

    private String issuer(String entraTenantId) {
        return authority() + "/" + entraTenantId + "/v2.0";
    }

    private String authority() {
        String authority = config.entra().authority();
        return authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
    }
}
