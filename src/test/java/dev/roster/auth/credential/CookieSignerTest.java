package dev.roster.auth.credential;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser cookies' signatures: a configured session key must be strong, and a purpose never passes for another. */
class CookieSignerTest {

    @Test
    void i16_1_aConfiguredSessionKeyShorterThan32BytesIsRefusedAtStartup() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> CookieSigner.strongEnough("short-key".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("at least 32 bytes"), refused.getMessage());
        byte[] strong = "x".repeat(32).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(strong, CookieSigner.strongEnough(strong));
    }

    @Test
    void i16_1_aCookieVerifiesOnlyUnderThePurposeItWasSignedFor() {
        CookieSigner signer = new CookieSigner("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        String cookie = signer.sign("console session", "payload");
        assertEquals("payload", signer.verify("console session", cookie).orElseThrow());
        assertTrue(signer.verify("setup page", cookie).isEmpty());
    }
}
