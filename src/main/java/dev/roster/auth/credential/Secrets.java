package dev.roster.auth.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generation, hashing and comparison of opaque secrets. Secrets are 256 random bits behind a recognisable prefix (so secret
 * scanners can find leaked ones, as GitHub's and Slack's tokens do); only their SHA-256 is stored, and comparisons are
 * constant-time.
 */
public final class Secrets {

    public static final String TOKEN_PREFIX = "rst_";
    public static final String CLIENT_SECRET_PREFIX = "rcs_";
    /** A setup link's secret (issue 16): the last segment of its URL. */
    public static final String SETUP_LINK_PREFIX = "rsl_";
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = 4;
    /** Prefix + 43 base64url characters; anything longer is not ours and is refused before hashing. */
    public static final int MAX_SECRET_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret: the prefix followed by base64url (no padding) of 32 random bytes. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The non-secret hint shown in listings: the last four characters. */
    public static String hint(String secret) {
        return secret.substring(secret.length() - HINT_LENGTH);
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Constant-time comparison of two secrets of any length (both are hashed first, so lengths do not leak). */
    public static boolean constantTimeEquals(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    /** Constant-time comparison of two digests. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    public static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
