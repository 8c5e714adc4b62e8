package dev.roster.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterAuthMechanismTest {

    @ParameterizedTest
    @CsvSource({"Bearer rst_abc, rst_abc", "bearer rst_abc, rst_abc", "BEARER   a.b.c  , a.b.c"})
    void readsBearerCredentialsCaseInsensitively(String header, String credential) {
        assertEquals(credential, RosterAuthMechanism.bearer(header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer    ", "Bearerrst_abc", "rst_abc"})
    void ignoresAnythingElse(String header) {
        assertNull(RosterAuthMechanism.bearer(header));
    }

    @Test
    void refusesOversizedHeaders() {
        assertNull(RosterAuthMechanism.bearer("Bearer " + "x".repeat(RosterAuthMechanism.MAX_CREDENTIAL_LENGTH)));
    }

    @Test
    void tellsJwtsFromOpaqueTokens() {
        assertTrue(BearerCredentialRequest.jwtShaped("a.b.c"));
        assertFalse(BearerCredentialRequest.jwtShaped("rst_abc"));
        assertFalse(BearerCredentialRequest.jwtShaped("a.b"));
        assertFalse(BearerCredentialRequest.jwtShaped("a.b.c.d"));
    }
}
