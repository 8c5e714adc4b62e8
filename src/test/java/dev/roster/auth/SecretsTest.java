package dev.roster.auth;

import dev.roster.auth.credential.Secrets;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void tokensCarryPrefixAnd256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.generate(Secrets.TOKEN_PREFIX);
            assertTrue(token.matches("rst_[A-Za-z0-9_-]{43}"), token);
            assertTrue(token.length() <= Secrets.MAX_SECRET_LENGTH);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void hintIsTheLastFourCharacters() {
        assertEquals("wxyz", Secrets.hint("rst_abcdwxyz"));
    }

    @Test
    void comparesByValueWhateverTheLengths() {
        assertTrue(Secrets.constantTimeEquals("admin-key", "admin-key"));
        assertFalse(Secrets.constantTimeEquals("admin-key", "admin-kez"));
        assertFalse(Secrets.constantTimeEquals("admin", "admin-key"));
        assertFalse(Secrets.constantTimeEquals("", "admin-key"));
    }

    @Test
    void sha256MatchesKnownVector() {
        assertArrayEquals(java.util.HexFormat.of()
                        .parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Secrets.sha256("abc"));
    }
}
