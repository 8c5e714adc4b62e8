package dev.roster.console;

import dev.roster.auth.credential.Secrets;
import dev.roster.config.RosterConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sessions as signed cookies, so that any pod serves any operator and nothing is stored: the cookie holds
 * {@code base64url(subject).csrf.issuedAt.lastSeen} and an HMAC-SHA256 of it. A cookie whose signature does not match,
 * that is malformed, idle longer than {@code roster.console.idle-timeout} or older than {@code roster.console.max-age}
 * is no session. Every page view re-issues the cookie with a new lastSeen (the idle clock restarts).
 *
 * <p>The key is {@code roster.console.session-key}, else derived from the admin key (every pod of a deployment has the
 * same one), else random per pod. Signing out clears the cookie in the browser; a copy taken before stays valid until it
 * idles out, as with any stateless session.
 */
@ApplicationScoped
@Startup
public class ConsoleSessions {

    public static final String COOKIE = "roster_console";
    /** Bounds what is parsed from a client: a session cookie is far shorter. */
    static final int MAX_COOKIE_LENGTH = 2048;
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RosterConfig config;

    private Clock clock = Clock.systemUTC();
    private byte[] key;
    private Duration idleTimeout;
    private Duration maxAge;

    /** For CDI. */
    ConsoleSessions() {
    }

    /** Sessions signed with {@code key}, for tests of the cookie format and its clocks. */
    ConsoleSessions(byte[] key, Duration idleTimeout, Duration maxAge, Clock clock) {
        this.key = key.clone();
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        idleTimeout = config.console().idleTimeout();
        maxAge = config.console().maxAge();
        key = config.console().sessionKey().filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .or(() -> config.adminKey().filter(k -> !k.isBlank())
                        .map(adminKey -> hmac(adminKey.getBytes(StandardCharsets.UTF_8), "roster console sessions v1")))
                .orElseGet(() -> {
                    LOG.warn("Neither roster.console.session-key nor an admin key is set: console sessions are signed"
                            + " with a key of this pod's own, so an operator signed in here is signed out on another.");
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
    }

    /** A new session for {@code subject}, with a fresh CSRF token. */
    public ConsoleSession open(String subject) {
        Instant now = clock.instant();
        return new ConsoleSession(subject, randomToken(), now, now);
    }

    /** The session a cookie value carries, if it is genuine and neither idle nor too old. */
    public Optional<ConsoleSession> read(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        int cut = cookie.lastIndexOf('.');
        if (cut <= 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, cut);
        if (!Secrets.constantTimeEquals(cookie.substring(cut + 1), sign(payload))) {
            return Optional.empty();
        }
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
        String payload = B64.encodeToString(session.subject().getBytes(StandardCharsets.UTF_8)) + "." + session.csrf()
                + "." + session.issuedAt().getEpochSecond() + "." + session.lastSeen().getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** A random token for forms (CSRF), URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private String sign(String payload) {
        return B64.encodeToString(hmac(key, payload));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
