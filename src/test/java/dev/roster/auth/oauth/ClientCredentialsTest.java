package dev.roster.auth.oauth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCredentialsTest {

    private static final UUID CLIENT = UUID.fromString("01a217b3-4d40-7697-9bc2-a4e148517233");

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsBasicWithFormEncodedParts() {
        ClientCredentials credentials = ClientCredentials.from(basic(CLIENT + ":rcs_a%2Bb"), null, null);
        assertEquals(CLIENT, credentials.clientId());
        assertEquals("rcs_a+b", credentials.secret());
        assertTrue(credentials.viaBasic());
    }

    @Test
    void readsFormFields() {
        ClientCredentials credentials = ClientCredentials.from(null, CLIENT.toString(), "rcs_x");
        assertEquals("rcs_x", credentials.secret());
    }

    @Test
    void refusesTwoMethodsAtOnce() {
        OAuthException e = assertThrows(OAuthException.class,
                () -> ClientCredentials.from(basic(CLIENT + ":s"), CLIENT.toString(), "s"));
        assertEquals("invalid_request", e.error());
    }

    @Test
    void refusesMissingOrMalformedCredentialsAsInvalidClient() {
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.from(null, null, null)).error());
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.from("Basic ***", null, null)).error());
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.from(basic("no-colon"), null, null)).error());
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.from(basic("not-a-uuid:secret"), null, null)).error());
        OAuthException viaBasic = assertThrows(OAuthException.class,
                () -> ClientCredentials.from(basic(CLIENT + ":"), null, null));
        assertEquals("Basic realm=\"roster\"", viaBasic.challenge());
    }
}
