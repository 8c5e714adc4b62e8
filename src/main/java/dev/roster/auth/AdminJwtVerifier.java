package dev.roster.auth;

import dev.roster.auth.credential.KeyFiles;
import dev.roster.auth.credential.IssuedAt;
import dev.roster.config.RosterConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Verifies admin JWTs issued by the host app's identity provider ({@code roster.admin.jwt.*}). May fetch a JWKS over the
 * network, so callers run it off the event loop. Disabled (every JWT refused) until issuer and key are configured.
 */
@ApplicationScoped
public class AdminJwtVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;
    private final DefaultJWTParser parser;
    private final String group;

    @Inject
    public AdminJwtVerifier(RosterConfig config) {
        RosterConfig.Admin.Jwt jwt = config.admin().jwt();
        this.group = jwt.group();
        if (jwt.issuer().isPresent() && jwt.publicKeyLocation().isPresent()) {
            JWTAuthContextInfo info = new JWTAuthContextInfo();
            info.setIssuedBy(jwt.issuer().get());
            String location = jwt.publicKeyLocation().get();
            // A PEM or JWKS file is read here; a URL (or class-path resource) is left to SmallRye, which caches JWKS.
            KeyFiles.readIfFile(location).ifPresentOrElse(info::setPublicKeyContent,
                    () -> info.setPublicKeyLocation(location));
            jwt.audience().ifPresent(audience -> info.setExpectedAudience(Set.of(audience)));
            info.setClockSkew(CLOCK_SKEW_SECONDS);
            this.parser = new DefaultJWTParser(info);
        } else {
            this.parser = null;
        }
    }

    public enum Outcome { ADMIN, NOT_ADMIN, INVALID }

    /** The outcome, and the token's subject when it is valid (the audit log's actor). */
    public record Verdict(Outcome outcome, String subject) {
    }

    /** ADMIN when valid and in the admin group, NOT_ADMIN when valid without it, INVALID otherwise. */
    public Verdict verify(String token) {
        if (parser == null) {
            return new Verdict(Outcome.INVALID, null);
        }
        try {
            JsonWebToken parsed = parser.parse(token);
            if (IssuedAt.inFuture(parsed, CLOCK_SKEW_SECONDS)) {
                return new Verdict(Outcome.INVALID, null);
            }
            boolean admin = parsed.getGroups() != null && parsed.getGroups().contains(group);
            return new Verdict(admin ? Outcome.ADMIN : Outcome.NOT_ADMIN, parsed.getSubject());
        } catch (ParseException | RuntimeException e) {
            return new Verdict(Outcome.INVALID, null);
        }
    }
}
