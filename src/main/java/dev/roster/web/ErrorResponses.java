package dev.roster.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.wire.ScimError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders one failure in the format of the surface it happened on. Callers decide status and wording; this class only
 * knows the three shapes of docs/architecture.md, "Errors, per surface".
 */
public final class ErrorResponses {

    private static final String PROBLEM_TYPE_BASE = "https://roster.dev/problems/";

    private ErrorResponses() {
    }

    public static Response scim(int status, String scimType, String detail) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(ScimMediaType.SCIM_JSON)
                .entity(ScimError.body(status, scimType, detail).toString());
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** RFC 9457 problem details, with the request id so a host-app developer can quote it. */
    public static Response problem(int status, String slug, String title, String detail, String instance, String requestId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", PROBLEM_TYPE_BASE + slug);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        if (instance != null) {
            node.put("instance", instance);
        }
        node.put("requestId", requestId);
        Response.ResponseBuilder builder = Response.status(status).type(ScimMediaType.PROBLEM_JSON).entity(node.toString());
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** RFC 6749 §5.2 error response; invalid_client through the Authorization header also carries a challenge. */
    public static Response oauth(int status, String error, String description, String challenge) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("error", error);
        if (description != null) {
            node.put("error_description", description);
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(node.toString());
        if (challenge != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return builder.build();
    }

    /**
     * An error in the operator console: a plain page (a browser shows it; no script, no stack trace), with a way back.
     * Pages the console renders itself explain their own errors; this one covers the rest (an unknown console path).
     */
    public static Response page(int status, String detail, String requestId) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " "
                + escape(titleFor(status)) + " - Roster console</title><link rel=\"stylesheet\""
                + " href=\"/console/assets/console.css\"></head><body><main><h1>" + escape(titleFor(status))
                + "</h1><p>" + escape(detail == null ? "" : detail) + "</p><p class=\"muted\">Request id: "
                + escape(requestId == null ? "" : requestId) + "</p><p><a href=\"/console\">Back to the console</a>"
                + "</p></main></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store").entity(html).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A failure whose surface is known only by path: the generic HTTP errors (404, 405, 415, 401, 403, 500). */
    public static Response forPath(String path, int status, String scimType, String detail, String requestId) {
        return switch (Surface.of(path)) {
            case SCIM -> scim(status, scimType, detail);
            case OAUTH -> oauth(status, oauthErrorFor(status), detail, null);
            case CONSOLE -> page(status, detail, requestId);
            case ADMIN -> problem(status, scimType != null ? slugForCause(scimType, status) : slugFor(status),
                    titleFor(status), detail, path, requestId);
        };
    }

    /**
     * The problem type of a cause the SCIM layer names (a body that is not JSON, a taken name, a value that breaks a
     * rule): one type per cause, not per status (README, "OpenAPI and problem types").
     */
    static String slugForCause(String scimType, int status) {
        return switch (scimType) {
            case "invalidSyntax" -> "malformed-body";
            case "uniqueness" -> "uniqueness";
            case "invalidValue", "mutability", "invalidPath", "noTarget", "invalidFilter", "tooMany" -> "validation";
            default -> slugFor(status);
        };
    }

    /** The RFC 6749 {@code error} for a failure that names none. */
    static String oauthErrorFor(int status) {
        return status == 401 ? "invalid_client" : status >= 500 ? "server_error" : "invalid_request";
    }

    static String slugFor(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 412 -> "precondition-failed";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Client Error");
    }
}
