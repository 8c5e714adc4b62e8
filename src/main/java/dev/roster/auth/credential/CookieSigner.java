package dev.roster.auth.credential;

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
import java.util.Base64;
import java.util.Optional;

/**
 * Signs the browser cookies of the console and the setup page (HMAC-SHA256), so that any pod verifies what another pod
 * issued and nothing is stored. Each kind of cookie signs under its own purpose, so one kind can never pass for another.
 * The key is {@code roster.console.session-key} (the same on every pod), else derived from the admin key, else random per
 * pod (a WARN says that cookies then hold on one pod only).
 */
@ApplicationScoped
@Startup
public class CookieSigner {

    /** Bounds what is parsed from a client: Roster's cookies are far shorter. */
    public static final int MAX_COOKIE_LENGTH = 2048;
    private static final Logger LOG = Logger.getLogger(CookieSigner.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RosterConfig config;

    private byte[] key;

    /** For CDI. */
    CookieSigner() {
    }

    /** A signer with this key (tests of the cookie formats). */
    public CookieSigner(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The shortest session key accepted: setup-page cookies, which customers hold, are signed with it over a guessable
     * payload, so a short key could be found offline and a console session forged with it.
     */
    static final int MIN_KEY_BYTES = 32;

    @PostConstruct
    void init() {
        key = config.console().sessionKey().filter(k -> !k.isBlank())
                .map(k -> strongEnough(k.getBytes(StandardCharsets.UTF_8)))
                .or(() -> config.adminKey().filter(k -> !k.isBlank())
                        .map(adminKey -> hmac(adminKey.getBytes(StandardCharsets.UTF_8), "roster browser cookies v1")))
                .orElseGet(() -> {
                    LOG.warn("Neither roster.console.session-key nor an admin key is set: console and setup cookies are"
                            + " signed with a key of this pod's own, so a browser signed in here is not on another pod.");
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
    }

    static byte[] strongEnough(byte[] sessionKey) {
        if (sessionKey.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("roster.console.session-key must be at least " + MIN_KEY_BYTES + " bytes"
                    + " (e.g. `openssl rand -base64 48`); it signs the console's sessions.");
        }
        return sessionKey;
    }

    /** {@code payload.signature}; the payload must not be secret (it travels in the clear) and holds no ','. */
    public String sign(String purpose, String payload) {
        return payload + "." + signature(purpose, payload);
    }

    /** The payload of a cookie signed for {@code purpose} by this deployment, if it is one. */
    public Optional<String> verify(String purpose, String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        int cut = cookie.lastIndexOf('.');
        if (cut <= 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, cut);
        return Secrets.constantTimeEquals(cookie.substring(cut + 1), signature(purpose, payload))
                ? Optional.of(payload) : Optional.empty();
    }

    /** A random URL-safe token (CSRF tokens, nonces): a secret without a prefix, as {@link Secrets} makes them. */
    public static String randomToken() {
        return Secrets.generate("");
    }

    private String signature(String purpose, String payload) {
        return B64.encodeToString(hmac(key, purpose + "\n" + payload));
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
