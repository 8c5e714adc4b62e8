package dev.roster.auth.oauth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14, item 11: a PKCS#1 signing key is refused with what is expected and how to convert it. */
class SigningKeyFormatTest {

    @Test
    void i14_11_aPkcs1KeyIsRefusedWithTheConversionCommand() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SigningKeys.requirePkcs8(
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB...\n-----END RSA PRIVATE KEY-----\n", "/etc/roster/key.pem"));
        assertTrue(refused.getMessage().contains("PKCS#8"), refused.getMessage());
        assertTrue(refused.getMessage().contains("openssl pkcs8 -topk8 -nocrypt -in /etc/roster/key.pem"),
                refused.getMessage());
        assertDoesNotThrow(() -> SigningKeys.requirePkcs8("-----BEGIN PRIVATE KEY-----\nMIIE...\n", "k.pem"));
    }
}
