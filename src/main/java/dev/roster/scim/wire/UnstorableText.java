package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text that must be refused before it is stored: the NUL character (PostgreSQL's text and jsonb cannot hold it, and
 * it used to surface as a 500) and unpaired UTF-16 surrogates (JSON's {@code "\ud800"}: stored as {@code ?}, they made two
 * different names collide in the unique index). Field names count as text too. Values are echoed exactly as received
 * otherwise, so the only choice is to refuse such a value with a 400 that names it (issue 10, item 8).
 */
public final class UnstorableText {

    /** Deep documents are refused elsewhere; this bound only keeps the walk itself safe. */
    private static final int MAX_DEPTH = 64;

    private UnstorableText() {
    }

    /** A description of the first unstorable string ("a NUL character in 'name.givenName'"), if there is one. */
    public static Optional<String> find(JsonNode node) {
        return find(node, "", 0);
    }

    /** What is wrong with one string, if anything: "a NUL character" or "an unpaired UTF-16 surrogate". */
    public static Optional<String> problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("an unpaired UTF-16 surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(JsonNode node, String path, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return problemOf(node.textValue()).map(problem -> problem + " in " + describe(path));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<String> inName = problemOf(field.getKey());
                if (inName.isPresent()) {
                    return Optional.of(inName.get() + " in an attribute name");
                }
                Optional<String> found = find(field.getValue(), child, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }
}
