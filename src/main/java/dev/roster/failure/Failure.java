package dev.roster.failure;

/**
 * A request that cannot be carried out, said without naming a surface: services throw it, and each surface renders it in
 * its own format (web/ErrorMappers: SCIM error, RFC 9457 problem details, RFC 6749 error). This package depends on nothing
 * of Roster, so any layer may throw it (the SCIM protocol's own errors stay {@code scim.error.ScimException}).
 *
 * <p>{@code code} is an optional machine-readable cause for surfaces that have one (the RFC 6749 {@code error}, say), and
 * {@code challenge} an optional {@code WWW-Authenticate} value.
 */
public class Failure extends RuntimeException {

    /** The kinds of failure, each with the HTTP status every surface uses for it. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_MANY_REQUESTS(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String challenge;

    protected Failure(Kind kind, String detail, String code, String challenge) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.challenge = challenge;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    public String detail() {
        return getMessage();
    }

    /** A surface-specific machine-readable cause, or null. */
    public String code() {
        return code;
    }

    /** The {@code WWW-Authenticate} value to send, or null. */
    public String challenge() {
        return challenge;
    }

    /** The request is malformed or breaks a rule; {@code detail} says what to change. */
    public static Failure invalid(String detail) {
        return new Failure(Kind.INVALID, detail, null, null);
    }

    public static Failure notFound(String detail) {
        return new Failure(Kind.NOT_FOUND, detail, null, null);
    }

    /** The request clashes with the current state (a taken name, a resource in the way). */
    public static Failure conflict(String detail) {
        return new Failure(Kind.CONFLICT, detail, null, null);
    }

    public static Failure forbidden(String detail) {
        return new Failure(Kind.FORBIDDEN, detail, null, null);
    }
}
