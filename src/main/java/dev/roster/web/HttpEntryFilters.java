package dev.roster.web;

import dev.roster.tenant.TenantUrls;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;

/**
 * The first thing every request meets: a correlation id (response header, log MDC, 5xx details), the refusal of dot
 * segments ({@link DotSegments}) before anything routes or normalises the path, SCIM path normalisation,
 * and the Tenant URL form routed as the single-URL form with its tenant kept in the routing context ({@link TenantUrls}).
 * Runs on the event loop and does no I/O.
 */
@ApplicationScoped
public class HttpEntryFilters {

    private static final String KEPT_HEADERS = "roster.headersKeptAcrossReroute";
    private static final String ORIGINAL_PATH = "roster.originalPath";

    @Inject
    RequestLimits limits;

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        // A rerouted request passes here twice: it keeps its id, and gets the header again (reroute resets headers).
        String requestId = rc.get(RequestIds.CONTEXT_KEY);
        if (requestId == null) {
            requestId = RequestIds.chooseFor(rc.request().getHeader(RequestIds.HEADER));
            rc.put(RequestIds.CONTEXT_KEY, requestId);
        }
        rc.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        // When tracing is on, the request's span carries the id a client or a 5xx detail names (a no-op when off).
        io.opentelemetry.api.trace.Span.current().setAttribute(RequestIds.SPAN_ATTRIBUTE, requestId);
        restoreHeadersKeptAcrossReroute(rc);

        HttpServerRequest request = rc.request();
        String path = request.path();
        if (rc.get(ORIGINAL_PATH) == null) {
            rc.put(ORIGINAL_PATH, path);
        }
        Response tooLarge = limits.check(request, requestId);
        if (tooLarge != null) {
            RawResponses.send(rc, tooLarge);
            return;
        }
        if (DotSegments.present(path)) {
            RawResponses.send(rc, ErrorResponses.forPath(path, 400, null, "The path has a '.' or '..' segment"
                    + " (perhaps percent-encoded); paths are never resolved into another resource. Send the path of the"
                    + " resource itself, with ids as issued.", requestId));
            return;
        }
        if (path != null && path.startsWith("/scim")) {
            String routed = ScimPaths.normalize(path);
            // Only on the first pass: a rerouted path never loses a second tenant-like segment.
            ScimPaths.TenantUrl tenantUrl = rc.get(TenantUrls.PATH_TENANT) == null ? ScimPaths.tenantUrl(routed) : null;
            if (tenantUrl != null) {
                rc.put(TenantUrls.PATH_TENANT, tenantUrl.tenantId());
                routed = tenantUrl.singleUrlPath();
            }
            if (!routed.equals(path)) {
                String query = request.query();
                keepHeadersAcrossReroute(rc);
                rc.reroute(request.method(), query == null ? routed : routed + "?" + query);
                return;
            }
        }
        rc.next();
    }

    /** The path the client sent, before the Tenant URL form was rerouted (what logs and the activity log show). */
    public static String originalPath(RoutingContext rc) {
        String original = rc.get(ORIGINAL_PATH);
        return original != null ? original : rc.request().path();
    }

    /**
     * A reroute clears the response headers that handlers before the router set; among them the {@code Connection: close}
     * that Quarkus's graceful shutdown adds once SIGTERM arrives, before it closes the connection after the response.
     * Without the header a keep-alive client sends its next request on a connection about to close, and that request is
     * lost with a reset (issue 10, item 7). So the headers set before the reroute are put back after it.
     */
    private static void keepHeadersAcrossReroute(RoutingContext rc) {
        MultiMap kept = MultiMap.caseInsensitiveMultiMap().addAll(rc.response().headers());
        kept.remove(RequestIds.HEADER);
        rc.put(KEPT_HEADERS, kept);
    }

    private static void restoreHeadersKeptAcrossReroute(RoutingContext rc) {
        MultiMap kept = rc.get(KEPT_HEADERS);
        if (kept != null) {
            rc.remove(KEPT_HEADERS);
            kept.forEach(header -> rc.response().headers().add(header.getKey(), header.getValue()));
        }
    }
}
