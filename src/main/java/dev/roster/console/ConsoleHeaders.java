package dev.roster.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every answer of the console and the setup page tells the browser: scripts and styles come from this origin only (no inline script, so an
 * injected one would not run), the console is never framed (clickjacking), pages are not cached (a token shown once stays
 * shown once), and no referrer leaks an address.
 */
public class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (dev.roster.web.Surface.of(path) != dev.roster.web.Surface.CONSOLE) {
            return; // the console's pages and the customer's setup page
        }
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", "no-store");
    }
}
