package dev.roster.scim.schema;

/**
 * How SCIM compares attribute names, schema URIs, keywords and JSON member names: case-insensitively (RFC 7643 §2.1), in
 * ASCII only. {@link String#equalsIgnoreCase(String)} would also equate non-ASCII look-alikes ("\u017f" with "s",
 * "\u212a" with "k"), which PostgreSQL's {@code lower()} does not, so the in-memory evaluator and the query compiler would
 * disagree about such input.
 */
public final class Names {

    private Names() {
    }

    public static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
