package dev.roster.web;

/**
 * Finds {@code .} and {@code ..} segments in a raw request path, percent-encoded or not ({@code %2e}, {@code .%2E},
 * {@code %2e%2e}, and the same followed by a {@code ;} path parameter). Such a path is refused before routing on every
 * surface (issue 10, item 1): the router normalises {@code /tenants/{id}/tokens/..} into {@code /tenants/{id}}, so a
 * token revocation became a tenant deletion, and {@code /Users/{id}/.} a user deletion. Nothing is ever normalised into
 * another resource; a client that means the parent names it.
 */
public final class DotSegments {

    private DotSegments() {
    }

    /** Whether the raw path (as received, before any decoding) holds a dot segment. */
    public static boolean present(String rawPath) {
        if (rawPath == null || rawPath.indexOf('.') < 0 && rawPath.indexOf('%') < 0) {
            return false;
        }
        int start = 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            if (isDotSegment(rawPath, start, end)) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            start = slash + 1;
        }
        return false;
    }

    /** A segment of one or two dots, each written as {@code .} or {@code %2e}, optionally followed by {@code ;...}. */
    private static boolean isDotSegment(String path, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end && path.charAt(i) != ';' && !isEscape(path, i, end, '3', 'b')) {
            if (path.charAt(i) == '.') {
                i++;
            } else if (isEscape(path, i, end, '2', 'e')) {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }

    /** Whether {@code %<high><low>} (the low digit in either case) starts at i and ends within the segment. */
    private static boolean isEscape(String path, int i, int end, char high, char low) {
        return i + 3 <= end && path.charAt(i) == '%' && path.charAt(i + 1) == high
                && Character.toLowerCase(path.charAt(i + 2)) == low;
    }
}
