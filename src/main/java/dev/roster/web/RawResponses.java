package dev.roster.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * Writes an error built by {@link ErrorResponses} straight to Vert.x, for the failures that are answered before a request
 * reaches JAX-RS (dot segments, oversized lines, headers and bodies), so they carry the same body as every other error.
 */
final class RawResponses {

    private RawResponses() {
    }

    static void send(RoutingContext rc, Response error) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(error.getStatus());
        error.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.headers().add(name, value)));
        response.end(String.valueOf(error.getEntity()));
    }
}
