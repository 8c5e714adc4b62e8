package dev.roster.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The scimType and detail of the error a request was answered with, kept on its routing context for whoever records
 * the request afterwards (the activity log), so nobody has to parse a response body.
 */
public final class ErrorDetails {

    private static final String KEY = "roster.errorDetails";

    /** What an error answer said. */
    public record Details(String scimType, String detail) {
    }

    private ErrorDetails() {
    }

    static void remember(RoutingContext rc, String scimType, String detail) {
        if (rc != null) {
            rc.put(KEY, new Details(scimType, detail));
        }
    }

    /** The error the request was answered with, or null when it was not an error (or not rendered by Roster). */
    public static Details of(RoutingContext rc) {
        return rc.get(KEY);
    }
}
