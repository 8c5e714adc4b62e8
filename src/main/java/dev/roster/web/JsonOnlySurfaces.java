package dev.roster.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin API and the token endpoint answer JSON whatever a client's Accept header asks for: a host app's HTTP client
 * configured for SCIM (Accept: application/scim+json) must not get 406 from the admin API, and RFC 6749 §5.1 fixes the
 * token response's type. Runs before routing, so content negotiation sees plain JSON.
 */
public class JsonOnlySurfaces {

    @ServerRequestFilter(preMatching = true)
    public void acceptJson(ContainerRequestContext request) {
        Surface surface = Surface.of(request.getUriInfo().getPath());
        if (surface != Surface.SCIM && request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
    }
}
