package dev.roster.auth.oauth;

import dev.roster.failure.Failure;

/**
 * An RFC 6749 §5.2 error at the token endpoint: a {@link Failure} whose code is the RFC's {@code error} value, so the
 * surface that renders it needs to know nothing of OAuth beyond that.
 */
public final class OAuthException extends Failure {

    private OAuthException(Kind kind, String error, String description, String challenge) {
        super(kind, description, error, challenge);
    }

    /** The RFC 6749 {@code error} value. */
    public String error() {
        return code();
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(Kind.INVALID, "invalid_request", description, null);
    }

    /** RFC 6749 §5.2: 401 with a challenge matching the scheme the client used, when it used the Authorization header. */
    public static OAuthException invalidClient(String description, boolean viaBasicAuth) {
        return new OAuthException(Kind.UNAUTHENTICATED, "invalid_client", description,
                viaBasicAuth ? "Basic realm=\"roster\"" : null);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(Kind.INVALID, "unsupported_grant_type", description, null);
    }
}
