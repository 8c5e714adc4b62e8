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

    /**
     * A filter that does not parse or names what cannot be filtered (RFC 7644 §3.4.2.2).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidFilter", "detail": "at column 14: expected a comparison operator after \"userName\""}}</pre>
     */
    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, ScimType.INVALID_FILTER, detail);
    }

    /**
     * More results or values than the server will handle in one request.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "tooMany", "detail": "At most 10000 members can be added in one request; split the change into several requests."}}</pre>
     */
    public static ScimException tooMany(String detail) {
        return new ScimException(400, ScimType.TOO_MANY, detail);
    }

    /**
     * A unique value (userName, a group's displayName) is taken.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409", "scimType": "uniqueness", "detail": "userName 'ada@contoso.com' is already used by another user of this application ..."}}</pre>
     */
    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimType.UNIQUENESS, detail);
    }

    /**
     * An attempt to change an immutable or read-only attribute.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "mutability", "detail": "id is read-only and cannot be changed."}}</pre>
     */
    public static ScimException mutability(String detail) {
        return new ScimException(400, ScimType.MUTABILITY, detail);
    }

    /**
     * A body that is not JSON or not the request the endpoint expects.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidSyntax", "detail": "The request body is not valid JSON at line 1, column 17."}}</pre>
     */
    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, ScimType.INVALID_SYNTAX, detail);
    }

    /**
     * A PATCH path that is malformed or names nothing in the schema.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidPath", "detail": "The PATCH path 'emails[type eq' does not parse: ..."}}</pre>
     */
    public static ScimException invalidPath(String detail) {
        return new ScimException(400, ScimType.INVALID_PATH, detail);
    }

    /**
     * A PATCH operation whose path selects nothing it may act on.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "noTarget", "detail": "A remove operation needs a path."}}</pre>
     */
    public static ScimException noTarget(String detail) {
        return new ScimException(400, ScimType.NO_TARGET, detail);
    }

    /**
     * A required value is missing or a value has the wrong type or content.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidValue", "detail": "These members do not exist in this application: 7d2c.... Provision the users or groups first; no member was changed."}}</pre>
     */
    public static ScimException invalidValue(String detail) {
        return new ScimException(400, ScimType.INVALID_VALUE, detail);
    }

    /**
     * A protocol version the server does not support.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidVers", "detail": "The SCIM protocol version ... is not supported."}}</pre>
     */
    public static ScimException invalidVersion(String detail) {
        return new ScimException(400, ScimType.INVALID_VERS, detail);
    }

    /**
     * A pagination cursor that is malformed or unknown (RFC 9865).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidCursor", "detail": "The cursor is malformed or has expired; start again without one."}}</pre>
     */
    public static ScimException invalidCursor(String detail) {
        return new ScimException(400, ScimType.INVALID_CURSOR, detail);
    }

    /**
     * The request would expose or match sensitive data.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "403", "scimType": "sensitive", "detail": "Passwords cannot be filtered on."}}</pre>
     */
    public static ScimException sensitive(String detail) {
        return new ScimException(403, ScimType.SENSITIVE, detail);
    }

    /**
     * No usable credential (sent with {@code WWW-Authenticate: Bearer}).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "401", "detail": "A SCIM credential is required."}}</pre>
     */
    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    /**
     * A valid credential that may not do this.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "403", "detail": "Provisioning into this workspace is suspended by the application vendor; contact them to resume it."}}</pre>
     */
    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    /**
     * No such resource in the caller's tenant (foreign tenants' resources are not found either).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "404", "detail": "User 7d2c9e1a-... not found."}}</pre>
     */
    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /**
     * A conflict without a scimType (a concurrent change, say).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "409", "detail": "..."}}</pre>
     */
    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    /**
     * A stale {@code If-Match} (RFC 7644 §3.14).
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "412", "detail": "The resource changed since it was read (its version is now W/\"3\"); read it again and retry."}}</pre>
     */
    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    /**
     * A body over the server's bound.
     * <pre>{@code {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "413", "detail": "A bulk request may be at most 1048576 bytes."}}</pre>
     */
    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }
}
