package dev.roster.web;

import dev.roster.config.RosterConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Bounds on the request line, headers and declared body, checked before routing so that the refusal (414, 431, 413) has a
 * body in the surface's error format like every other error (issue 10, item 8). Vert.x's own limits sit far above these
 * (application.properties) and answer without a body only what is far beyond any sane request.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    RosterConfig config;

    /** The error to answer, or null when the request is within bounds. */
    Response check(HttpServerRequest request, String requestId) {
        RosterConfig.Http limits = config.http();
        String path = request.path();
        if (request.uri().length() > limits.maxUriLength()) {
            return ErrorResponses.forPath(path, 414, null, "The request URI is longer than " + limits.maxUriLength()
                    + " characters; send long filters with POST .search instead.", requestId);
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            return ErrorResponses.forPath(path, 431, null, "The request headers exceed " + limits.maxHeaderBytes()
                    + " bytes.", requestId);
        }
        String contentLength = request.getHeader("Content-Length");
        if (contentLength != null && declaredLength(contentLength) > limits.maxBodyBytes()) {
            return ErrorResponses.forPath(path, 413, null, "The request body is larger"
                    + " than " + limits.maxBodyBytes() + " bytes; split the change into several requests.", requestId);
        }
        return null;
    }

    /** A malformed Content-Length is the HTTP codec's to refuse; here it counts as no declaration. */
    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
