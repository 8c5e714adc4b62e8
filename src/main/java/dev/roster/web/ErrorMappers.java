package dev.roster.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.roster.failure.Failure;
import dev.roster.scim.error.ScimException;
import dev.roster.store.DatabaseFailure;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into the error format of its surface. Messages never carry class names or stack traces; a 5xx says
 * only that the server failed and names the request id, under which the cause is logged.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @jakarta.inject.Inject
    dev.roster.config.RosterConfig config;

    @ServerExceptionMapper
    public Response scim(ScimException e, RoutingContext rc) {
        String scimType = e.scimType() == null ? null : e.scimType().wireName();
        ErrorDetails.remember(rc, scimType, e.detail());
        return withRetryAfter(ErrorResponses.scim(e.status(), scimType, e.detail()));
    }

    /** A 503 tells the client when to come back (RFC 9110 §10.2.3); Entra retries a failed call on its next cycle. */
    private static Response withRetryAfter(Response response) {
        return response.getStatus() == 503
                ? Response.fromResponse(response).header("Retry-After", DatabaseErrors.RETRY_AFTER_SECONDS).build()
                : response;
    }

    /**
     * A surface-neutral failure thrown by a service, in the format of the surface it happened on: problem details on the
     * admin API, an RFC 6749 error at the token endpoint (its {@code code} is the RFC's {@code error}), a SCIM error on
     * SCIM paths.
     */
    @ServerExceptionMapper
    public Response failure(Failure e, RoutingContext rc) {
        String path = rc.request().path();
        ErrorDetails.remember(rc, null, e.detail());
        Response response = switch (Surface.of(path)) {
            case OAUTH -> ErrorResponses.oauth(e.status(), e.code() != null ? e.code() : ErrorResponses.oauthErrorFor(
                    e.status()), e.detail(), e.challenge());
            case SCIM -> ErrorResponses.scim(e.status(), null, e.detail());
            case CONSOLE -> ErrorResponses.page(e.status(), e.detail(), RequestIds.of(rc));
            // A failure that names its cause (seat-limit, ...) has its own problem type; others are typed by status.
            case ADMIN -> ErrorResponses.problem(e.status(),
                    e.code() != null ? e.code() : ErrorResponses.slugFor(e.status()),
                    ErrorResponses.titleFor(e.status()), e.detail(), path, RequestIds.of(rc));
        };
        // A client that is asked to slow down is told when to come back (RFC 6585 §4); Entra honours it.
        return e instanceof dev.roster.failure.TooManyRequests tooMany
                ? Response.fromResponse(response).header("Retry-After", tooMany.retryAfterSeconds()).build()
                : response;
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, RoutingContext rc) {
        String path = rc.request().path();
        String detail = Surface.of(path) == Surface.SCIM
                ? "The bearer credential is missing, malformed, expired or revoked, or belongs to another tenant. "
                        + "Generate a new secret token or OAuth client secret in the application and update the provisioning"
                        + " configuration."
                : adminAuthenticationDetail(rc);
        ErrorDetails.remember(rc, null, detail);
        return ErrorResponses.forPath(path, 401, null, detail, RequestIds.of(rc));
    }

    /**
     * Why the admin API refused, without echoing the credential: none was sent, this server accepts none (no admin key and
     * no admin JWT issuer configured), or the one sent is not accepted.
     */
    private String adminAuthenticationDetail(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return "No credential: send 'Authorization: Bearer <admin key or admin JWT>'.";
        }
        if (!config.adminCredentialConfigured()) {
            return "This server has no admin credential configured: set ROSTER_ADMIN_KEY (or roster.admin.jwt.issuer and"
                    + " roster.admin.jwt.public-key-location) and restart it.";
        }
        return "The credential was not accepted: it is neither this server's admin key nor a valid admin JWT from the"
                + " configured issuer (expired, wrong issuer or audience, or a bad signature).";
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext rc) {
        String path = rc.request().path();
        String detail = Surface.of(path) == Surface.SCIM
                ? "This credential may not perform this operation."
                : "The credential is valid but lacks the 'roster-admin' group.";
        ErrorDetails.remember(rc, null, detail);
        return ErrorResponses.forPath(path, 403, null, detail, RequestIds.of(rc));
    }

    @ServerExceptionMapper
    public Response malformedJson(JacksonException e, RoutingContext rc) {
        String path = rc.request().path();
        Surface surface = Surface.of(path);
        String detail = "The request body is not valid JSON or has a value of the wrong type"
                + location(e) + ".";
        ErrorDetails.remember(rc, surface == Surface.SCIM ? "invalidSyntax" : null, detail);
        // The SCIM cause also names the admin problem type (malformed-body); the token endpoint ignores it.
        return ErrorResponses.forPath(path, 400, "invalidSyntax", detail, RequestIds.of(rc));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, RoutingContext rc) {
        int status = e.getResponse().getStatus();
        // A JSON body the framework could not read (the admin API's JSON parameters): say where it broke.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (status == 400 && cause instanceof JacksonException jackson) {
                return malformedJson(jackson, rc);
            }
        }
        if (status >= 500) {
            return serverError(e, rc);
        }
        HttpServerRequest request = rc.request();
        String detail = switch (status) {
            case 404 -> "No resource at " + request.method() + " " + request.path() + ".";
            case 405 -> "Method " + request.method() + " is not supported on " + request.path() + ".";
            case 406 -> "This endpoint answers with JSON only.";
            case 415 -> "Unsupported Content-Type '" + request.getHeader("Content-Type") + "'.";
            default -> "The request could not be processed (HTTP " + status + ").";
        };
        ErrorDetails.remember(rc, null, detail);
        return ErrorResponses.forPath(request.path(), status, null, detail, RequestIds.of(rc));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response serverError(Throwable e, RoutingContext rc) {
        String requestId = RequestIds.of(rc);
        ScimException database = DatabaseErrors.asScim(e);
        if (database != null) {
            // A race the database settled (a unique index, a deleted row, a deadlock after retries), text it cannot
            // store, or an outage: the client's answer says which, in its surface's format.
            LOG.debugf("Request %s %s answered %d: %s (request id %s)", rc.request().method(), rc.request().path(),
                    database.status(), DatabaseFailure.of(e), requestId);
            ErrorDetails.remember(rc, database.scimType() == null ? null : database.scimType().wireName(),
                    database.detail());
            return withRetryAfter(ErrorResponses.forPath(rc.request().path(), database.status(),
                    database.scimType() == null ? null : database.scimType().wireName(), database.detail(), requestId));
        }
        LOG.errorf(e, "Request %s %s failed (request id %s)", rc.request().method(), rc.request().path(), requestId);
        String detail = "The server failed to process the request; quote request id " + requestId + " when reporting it.";
        ErrorDetails.remember(rc, null, detail);
        return ErrorResponses.forPath(rc.request().path(), 500, null, detail, requestId);
    }

    private static String location(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
