package dev.roster.scim.wire;

/**
 * Entity tag comparison for If-Match and If-None-Match (RFC 9110 §13.1; RFC 7644 §3.14). Roster's tags are weak
 * ({@code W/"<version>"}), and SCIM compares versions, so the weak flag is ignored on both sides.
 */
public final class ETags {

    private ETags() {
    }

    /** Whether a conditional header names this tag ({@code *} names any). A null or blank header names nothing. */
    public static boolean listed(String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : header.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    public static boolean present(String header) {
        return header != null && !header.isBlank();
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
