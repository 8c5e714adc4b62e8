package dev.roster.console;

import dev.roster.auth.credential.CookieSigner;
import dev.roster.config.RosterConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sessions as signed cookies ({@link CookieSigner}), so that any pod serves any operator and nothing is stored:
 * the cookie holds {@code base64url(subject).csrf.issuedAt.lastSeen} and its signature. A cookie whose signature does not
 * match, that is malformed, idle longer than {@code roster.console.idle-timeout} or older than
 * {@code roster.console.max-age} is no session. Every page view re-issues the cookie with a new lastSeen (the idle clock
 * restarts). Signing out clears the cookie in the browser; a copy taken before stays valid until it idles out, as with any
 * stateless session.
 */
@ApplicationScoped
public class ConsoleSessions {

    public static final String COOKIE = "roster_console";
    static final String PURPOSE = "console session";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    RosterConfig config;
    @Inject
    CookieSigner signer;

    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout;
    private Duration maxAge;

    /** For CDI. */
    ConsoleSessions() {
    }

    /** Sessions signed by {@code signer}, for tests of the cookie format and its clocks. */
    ConsoleSessions(CookieSigner signer, Duration idleTimeout, Duration maxAge, Clock clock) {
        this.signer = signer;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        idleTimeout = config.console().idleTimeout();
        maxAge = config.console().maxAge();
    }

    /** A new session for {@code subject}, with a fresh CSRF token. */
    public ConsoleSession open(String subject) {
        Instant now = clock.instant();
        return new ConsoleSession(subject, CookieSigner.randomToken(), now, now);
    }

    /** The session a cookie value carries, if it is genuine and neither idle nor too old. */
    public Optional<ConsoleSession> read(String cookie) {
        return signer.verify(PURPOSE, cookie).flatMap(this::parse);
    }

    private Optional<ConsoleSession> parse(String payload) {
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            ConsoleSession session = new ConsoleSession(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8),
                    parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            Instant now = clock.instant();
            boolean idle = session.lastSeen().plus(idleTimeout).isBefore(now);
            boolean old = session.issuedAt().plus(maxAge).isBefore(now);
            return idle || old ? Optional.empty() : Optional.of(session);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The session as it is used now: the same session with lastSeen moved to now. */
    public ConsoleSession touch(ConsoleSession session) {
        return new ConsoleSession(session.subject(), session.csrf(), session.issuedAt(), clock.instant());
    }

    /** The cookie value of a session. */
    public String encode(ConsoleSession session) {
        return signer.sign(PURPOSE, B64.encodeToString(session.subject().getBytes(StandardCharsets.UTF_8)) + "."
                + session.csrf() + "." + session.issuedAt().getEpochSecond() + "." + session.lastSeen().getEpochSecond());
    }
}
