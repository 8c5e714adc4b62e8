package dev.roster.deploy;

/**
 * A container image reference split the way registries read it: {@code [registry[:port]/]repository[:tag][@digest]}.
 * The tag is whatever follows the last ':' after the last '/', so a registry port ({@code localhost:5000/roster})
 * is not mistaken for a tag.
 */
record ImageRef(String repository, String tag, String digest) {

    static ImageRef parse(String reference) {
        String rest = reference.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageRef(rest, tag, digest);
    }

    /** Pinned: a digest, or an explicit tag other than {@code latest}. */
    boolean pinned() {
        if (digest != null && !digest.isBlank()) {
            return true;
        }
        return tag != null && !tag.isBlank() && !tag.equalsIgnoreCase("latest");
    }

    /** Why the reference is not pinned, for assertion messages. */
    String pinningProblem() {
        if (pinned()) {
            return null;
        }
        return tag == null ? "has no tag (means latest)" : "uses the '" + tag + "' tag";
    }
}
