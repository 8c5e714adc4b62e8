package dev.roster.web;

/**
 * The three client-facing surfaces, each with its own error format (docs/architecture.md, "Errors, per surface"): SCIM
 * errors (RFC 7644 §3.12), RFC 6749 errors at the token endpoint, and problem details (RFC 9457) everywhere else.
 */
public enum Surface {
    SCIM, OAUTH, ADMIN;

    public static Surface of(String path) {
        if (path == null) {
            return ADMIN;
        }
        if (path.startsWith("/scim/") || path.equals("/scim")) {
            return SCIM;
        }
        if (path.startsWith("/oauth2/")) {
            return OAUTH;
        }
        return ADMIN;
    }
}
