package dev.roster.scim.error;

/**
 * A SCIM protocol error (RFC 7644 §3.12): an HTTP status, an optional {@link ScimType} and a {@code detail} that tells the
 * client what to fix. Entra shows {@code detail} verbatim to administrators, so it must be actionable and must never name
 * internal classes. One factory per scimType keeps call sites short and the status/scimType pairs consistent.
 */
public final class ScimException extends RuntimeException {

    private final int status;
    private final ScimType scimType;

    public ScimException(int status, ScimType scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** The scimType, or {@code null} when the error has none (401, 403, 404, 409 without uniqueness, 5xx). */
    public ScimType scimType() {
        return scimType;
    }

    public String detail() {
        return getMessage();
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, ScimType.INVALID_FILTER, detail);
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(400, ScimType.TOO_MANY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, ScimType.MUTABILITY, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, ScimType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, ScimType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, ScimType.NO_TARGET, detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, ScimType.INVALID_VALUE, detail);
    }

    public static ScimException invalidVersion(String detail) {
        return new ScimException(400, ScimType.INVALID_VERS, detail);
    }

    public static ScimException invalidCursor(String detail) {
        return new ScimException(400, ScimType.INVALID_CURSOR, detail);
    }

    public static ScimException sensitive(String detail) {
        return new ScimException(403, ScimType.SENSITIVE, detail);
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }
}
