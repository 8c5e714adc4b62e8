package dev.roster.failure;

/**
 * A tenant sends more than its fair share (issue 15, item 5): answered 429 with {@code Retry-After} on every surface; on
 * SCIM, for example:
 * <pre>{@code
 * HTTP/1.1 429 Too Many Requests
 * Retry-After: 1
 * {"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "429",
 *  "detail": "This workspace sends more than 100 requests per second; retry after 1 s (Entra ID backs off on its own)."}
 * }</pre>
 */
public final class TooManyRequests extends Failure {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(Kind.TOO_MANY_REQUESTS, detail, null, null);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
