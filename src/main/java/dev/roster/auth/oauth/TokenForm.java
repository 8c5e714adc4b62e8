package dev.roster.auth.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The token request's {@code application/x-www-form-urlencoded} body (RFC 6749 §4.4.2, Appendix B), read here rather than
 * by the framework so that every malformed body is an RFC 6749 {@code invalid_request}: stray separators
 * ({@code &&&===&}) are skipped as the URL standard does, while a bad escape ({@code %zz}), a NUL character, a repeated
 * parameter (§3.2) or an oversized body is refused by name.
 */
final class TokenForm {

    /** A token request is a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY_LENGTH = 8 * 1024;

    private final Map<String, String> values;

    private TokenForm(Map<String, String> values) {
        this.values = values;
    }

    static TokenForm parse(String body) {
        if (body == null || body.isEmpty()) {
            return new TokenForm(Map.of());
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw OAuthException.invalidRequest("The request body is longer than " + MAX_BODY_LENGTH + " characters.");
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.isEmpty()) {
                continue;
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.putIfAbsent(name, value) != null) {
                throw OAuthException.invalidRequest("The parameter " + name + " is repeated.");
            }
        }
        return new TokenForm(values);
    }

    /** The parameter's value, or null when it is absent or empty (RFC 6749 §3.1: empty parameters count as omitted). */
    String single(String name) {
        String value = values.get(name);
        if (value != null && value.length() > ClientCredentials.MAX_FIELD_LENGTH) {
            throw OAuthException.invalidRequest("The parameter " + name + " is too long.");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private static String decode(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("The request body is not form-encoded: '%' must be followed by two"
                    + " hexadecimal digits.");
        }
        if (decoded.indexOf('\0') >= 0) {
            throw OAuthException.invalidRequest("The request body holds a NUL character.");
        }
        return decoded;
    }
}
