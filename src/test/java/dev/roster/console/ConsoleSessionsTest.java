package dev.roster.console;

import dev.roster.auth.credential.CookieSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's session cookie: what it carries, what makes it invalid (issue 16, item 1). */
class ConsoleSessionsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final byte[] KEY = "a key only this test knows".getBytes(StandardCharsets.UTF_8);

    private static ConsoleSessions at(Instant now) {
        return new ConsoleSessions(new CookieSigner(KEY), Duration.ofMinutes(30), Duration.ofHours(12),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void i16_1_aCookieReadsBackAsTheSessionItEncodes() {
        ConsoleSession session = at(T0).open("jwt:ops@example.com.with.dots|and|bars");
        ConsoleSession read = at(T0.plusSeconds(60)).read(at(T0).encode(session)).orElseThrow();
        assertEquals(session, read);
        assertEquals("console:jwt:ops@example.com.with.dots|and|bars", read.actor());
    }

    @Test
    void i16_1_eachSessionHasItsOwnCsrfToken() {
        assertNotEquals(at(T0).open("admin-key").csrf(), at(T0).open("admin-key").csrf());
    }

    @Test
    void i16_1_aSessionIdleLongerThanTheTimeoutOrOlderThanTheMaximumIsNone() {
        String cookie = at(T0).encode(at(T0).open("admin-key"));
        assertTrue(at(T0.plus(Duration.ofMinutes(29))).read(cookie).isPresent());
        assertTrue(at(T0.plus(Duration.ofMinutes(31))).read(cookie).isEmpty(), "idle");
        // Used every 20 minutes, it still ends 12 hours after sign-in.
        ConsoleSessions late = at(T0.plus(Duration.ofHours(12)).plusSeconds(1));
        ConsoleSession busy = new ConsoleSession("admin-key", "csrf", T0, T0.plus(Duration.ofHours(12)));
        assertTrue(late.read(late.encode(busy)).isEmpty(), "too old");
    }

    @Test
    void i16_1_aCookieSignedWithAnotherKeyIsNone() {
        ConsoleSessions other = new ConsoleSessions(new CookieSigner("another key".getBytes(StandardCharsets.UTF_8)),
                Duration.ofMinutes(30), Duration.ofHours(12), Clock.fixed(T0, ZoneOffset.UTC));
        assertTrue(at(T0).read(other.encode(other.open("admin-key"))).isEmpty());
    }

    @Test
    void i16_1_aTamperedCookieIsNone() {
        String cookie = at(T0).encode(at(T0).open("admin-key"));
        // Move lastSeen forward without re-signing: the signature no longer matches.
        String[] parts = cookie.split("\\.");
        parts[3] = String.valueOf(T0.plus(Duration.ofDays(1)).getEpochSecond());
        assertTrue(at(T0).read(String.join(".", parts)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "a.b", "a.b.c.d.e", "YWRtaW4.csrf.notanumber.1.sig", "....."})
    void i16_1_malformedCookiesAreNoSession(String cookie) {
        assertTrue(at(T0).read(cookie).isEmpty());
    }

    @Test
    void i16_1_anOversizedCookieIsNotEvenParsed() {
        assertTrue(at(T0).read("a".repeat(CookieSigner.MAX_COOKIE_LENGTH + 1)).isEmpty());
    }

    @Test
    void i16_1_aCookieSignedForAnotherPurposeIsNoSession() {
        CookieSigner signer = new CookieSigner(KEY);
        String payload = at(T0).encode(at(T0).open("admin-key"));
        String body = payload.substring(0, payload.lastIndexOf('.'));
        assertTrue(at(T0).read(signer.sign("setup page", body)).isEmpty());
    }
}
