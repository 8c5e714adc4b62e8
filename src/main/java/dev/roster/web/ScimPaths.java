package dev.roster.web;

/**
 * Entra builds request URLs by appending "/Users" to whatever Tenant URL the admin typed, so a trailing slash in that URL
 * yields ".../tenant//Users", and some clients end paths with "/". Both are the same resource (entra-provisioning.md,
 * "Endpoint"); this collapses them before routing.
 */
public final class ScimPaths {

    private ScimPaths() {
    }

    /** The path with runs of slashes collapsed and without a trailing slash; the same string when nothing changes. */
    public static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && previous == '/') {
                continue;
            }
            out.append(c);
            previous = c;
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.length() == path.length() ? path : out.toString();
    }
}
