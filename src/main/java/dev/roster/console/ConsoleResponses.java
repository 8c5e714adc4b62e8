package dev.roster.console;

import dev.roster.auth.credential.Secrets;
import dev.roster.config.RosterConfig;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The console's answers: pages with the session cookie renewed (the idle clock restarts), redirects after a change
 * (303, so a reload never repeats a POST), and the cookies' flags: HttpOnly, SameSite=Strict, Secure unless switched off
 * for dev mode, and scoped to {@code /console}.
 */
@ApplicationScoped
public class ConsoleResponses {

    /** Holds the sign-in form's token until the form comes back (login CSRF). */
    public static final String LOGIN_COOKIE = "roster_console_login";
    static final String PATH = "/console";

    @Inject
    ConsoleSessions sessions;
    @Inject
    RosterConfig config;

    /** A page for a signed-in operator. */
    public Response page(ConsoleSession session, TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render())
                .cookie(sessionCookie(session)).build();
    }

    /** The sign-in page, its form token also in a cookie. */
    public Response signInPage(TemplateInstance page, String loginCsrf, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render())
                .cookie(cookie(LOGIN_COOKIE, loginCsrf, 3600)).build();
    }

    public Response signedIn(ConsoleSession session, String location) {
        return Response.seeOther(URI.create(location)).cookie(sessionCookie(session), cookie(LOGIN_COOKIE, "", 0))
                .build();
    }

    public Response signedOut() {
        return Response.seeOther(URI.create(PATH + "/sign-in")).cookie(cookie(ConsoleSessions.COOKIE, "", 0)).build();
    }

    /** To the sign-in page, which says the session ended; the stale cookie is cleared. */
    public Response sessionEnded() {
        return Response.seeOther(URI.create(PATH + "/sign-in?ended=true")).cookie(cookie(ConsoleSessions.COOKIE, "", 0))
                .build();
    }

    public Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    public Response seeOther(ConsoleSession session, String location) {
        return Response.seeOther(URI.create(location)).cookie(sessionCookie(session)).build();
    }

    /** Whether a form's token is the session's (constant time). */
    public boolean csrfMatches(ConsoleSession session, String csrf) {
        return csrf != null && Secrets.constantTimeEquals(csrf, session.csrf());
    }

    private NewCookie sessionCookie(ConsoleSession session) {
        return cookie(ConsoleSessions.COOKIE, sessions.encode(sessions.touch(session)),
                (int) config.console().maxAge().toSeconds());
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(PATH).maxAge(maxAge).httpOnly(true)
                .secure(config.console().secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
    }

}
