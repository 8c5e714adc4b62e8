package dev.roster.auth.oauth;

import dev.roster.auth.credential.Secrets;
import dev.roster.tenant.Ids;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The client credentials of a token request (RFC 6749 §2.3.1): either HTTP Basic ({@code client_secret_basic}, id and secret
 * form-urlencoded before base64) or form fields ({@code client_secret_post}); never both.
 */
public record ClientCredentials(UUID clientId, String secret, boolean viaBasic) {

    static final int MAX_FIELD_LENGTH = 256;

    public static ClientCredentials from(String authorizationHeader, String formClientId, String formSecret) {
        boolean basic = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && formSecret != null) {
            throw OAuthException.invalidRequest("Send the client credentials either in the Authorization header or in the"
                    + " form, not both.");
        }
        if (basic) {
            return fromBasic(authorizationHeader.substring(6).trim());
        }
        if (formClientId == null || formSecret == null) {
            throw OAuthException.invalidClient("Client authentication is required: use HTTP Basic (client_secret_basic)"
                    + " or the client_id and client_secret form fields (client_secret_post).", false);
        }
        return of(formClientId, formSecret, false);
    }

    private static ClientCredentials fromBasic(String encoded) {
        String decoded;
        try {
            if (encoded.length() > 4 * MAX_FIELD_LENGTH) {
                throw new IllegalArgumentException();
            }
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Basic credentials are not valid base64.", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("The Basic credentials must be client_id:client_secret.", true);
        }
        try {
            return of(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("The Basic credentials are not form-urlencoded.", true);
        }
    }

    private static ClientCredentials of(String clientId, String secret, boolean viaBasic) {
        UUID id = Ids.parse(clientId == null ? null : clientId.trim()).orElse(null);
        if (id == null || secret.isEmpty() || secret.length() > Secrets.MAX_SECRET_LENGTH) {
            throw OAuthException.invalidClient("Unknown client or wrong client secret.", viaBasic);
        }
        return new ClientCredentials(id, secret, viaBasic);
    }
}
