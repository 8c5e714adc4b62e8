package dev.roster.auth.oauth;

/** An RFC 6749 §5.2 error at the token endpoint. */
public final class OAuthException extends RuntimeException {

    private final int status;
    private final String error;
    private final String challenge;

    private OAuthException(int status, String error, String description, String challenge) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.challenge = challenge;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** The WWW-Authenticate value to send, or null. */
    public String challenge() {
        return challenge;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description, null);
    }

    /** RFC 6749 §5.2: 401 with a challenge matching the scheme the client used, when it used the Authorization header. */
    public static OAuthException invalidClient(String description, boolean viaBasicAuth) {
        return new OAuthException(401, "invalid_client", description, viaBasicAuth ? "Basic realm=\"roster\"" : null);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(400, "unsupported_grant_type", description, null);
    }
}
