package dev.roster.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin API and the token endpoint answer JSON whatever a client's Accept header asks for: a host app's HTTP client
 * configured for SCIM (Accept: application/scim+json) must not get 406 from the admin API, and RFC 6749 §5.1 fixes the
 * token response's type (the console answers HTML, and SCIM negotiates its own). Runs before routing, so content negotiation sees plain JSON.
 */
public class JsonOnlySurfaces {

    static final String EXPORT = "/export";
    public static final String NDJSON = "application/x-ndjson";

    @ServerRequestFilter(preMatching = true)
    public void acceptJson(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Surface surface = Surface.of(path);
        if (surface != Surface.SCIM && surface != Surface.CONSOLE && request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            // The one admin answer that is not a JSON document: the snapshot export's stream of JSON lines.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, surface == Surface.ADMIN && path.endsWith(EXPORT)
                    ? NDJSON : MediaType.APPLICATION_JSON);
        }
    }
}
