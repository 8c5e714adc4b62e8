package dev.roster.auth.credential;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * SmallRye JWT checks {@code exp} (and {@code nbf}) but not {@code iat}: a token "issued" in the future would outlive its
 * apparent lifetime, which signals a forged or mis-clocked issuer (RFC 7519 §4.1.6). Every JWT Roster accepts must have
 * been issued no later than now plus the parser's clock skew (issue 10, item 8).
 */
public final class IssuedAt {

    private IssuedAt() {
    }

    /** Whether the token claims to be issued later than {@code now + skewSeconds}. */
    public static boolean inFuture(JsonWebToken jwt, long skewSeconds) {
        long issuedAt = jwt.getIssuedAtTime();
        return issuedAt > Instant.now().getEpochSecond() + skewSeconds;
    }
}
