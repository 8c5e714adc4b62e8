package dev.roster.web;

/**
 * The client-facing surfaces, each with its own error format (docs/architecture.md, "Errors, per surface"): SCIM errors
 * (RFC 7644 §3.12), RFC 6749 errors at the token endpoint, a plain HTML page in the operator console, and problem
 * details (RFC 9457) everywhere else.
 */
public enum Surface {
    SCIM, OAUTH, CONSOLE, ADMIN;

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
        if (path.equals("/console") || path.startsWith("/console/") || path.startsWith("/setup/")) {
            return CONSOLE; // the console and the customer's setup page: HTML for people
        }
        return ADMIN;
    }
}
