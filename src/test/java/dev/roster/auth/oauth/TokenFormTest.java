package dev.roster.auth.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The token request body (RFC 6749 Appendix B): malformed forms are invalid_request, never a server error. */
class TokenFormTest {

    @Test
    void readsParametersAndSkipsStraySeparators() {
        TokenForm form = TokenForm.parse("&grant_type=client_credentials&&client_id=abc&scope=a+b%20c&=x&");
        assertEquals("client_credentials", form.single("grant_type"));
        assertEquals("abc", form.single("client_id"));
        assertEquals("a b c", form.single("scope"));
        assertNull(form.single("client_secret"));
    }

    @Test
    void emptyParametersCountAsAbsent() {
        assertNull(TokenForm.parse("client_secret=&grant_type").single("client_secret"));
        assertNull(TokenForm.parse("client_secret=&grant_type").single("grant_type"));
        assertNull(TokenForm.parse(null).single("grant_type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz", "grant_type=%", "grant_type=%2", "client_id=a%00", "a=1&a=2"})
    void malformedFormsAreInvalidRequest(String body) {
        OAuthException e = assertThrows(OAuthException.class, () -> TokenForm.parse(body));
        assertEquals("invalid_request", e.error());
        assertEquals(400, e.status());
    }

    @Test
    void oversizedBodiesAreInvalidRequest() {
        assertThrows(OAuthException.class, () -> TokenForm.parse("x=" + "a".repeat(TokenForm.MAX_BODY_LENGTH)));
    }
}
