package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Size limits on client JSON, checked before any other work so that no request can make Roster build or walk an unbounded
 * structure. SCIM values nest three levels (resource, attribute, sub-attribute; extensions add one), so ten is generous;
 * 10,000 is the most members one request may add (docs/architecture.md, "Storage", sizes groups at 100,000 members,
 * added in batches).
 */
public final class JsonBounds {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_ELEMENTS = 10_000;
    public static final int MAX_STRING = 64 * 1024;

    private JsonBounds() {
    }

    /**
     * @param where how to name {@code node} in an error detail, such as {@code Operations[0].value}
     * @throws ScimException invalidValue naming the place and the limit
     */
    public static void check(JsonNode node, String where) {
        Deque<String> trail = new ArrayDeque<>();
        trail.add(where);
        check(node, 0, trail);
    }

    private static void check(JsonNode node, int depth, Deque<String> trail) {
        if (node.isTextual()) {
            checkString(node.textValue(), "value", trail);
            return;
        }
        if (!node.isContainerNode()) {
            return;
        }
        if (depth >= MAX_DEPTH) {
            throw ScimException.invalidValue("\"" + path(trail) + "\" nests deeper than " + MAX_DEPTH
                    + " levels; SCIM values nest a few levels at most");
        }
        if (node.size() > MAX_ELEMENTS) {
            throw ScimException.invalidValue("\"" + path(trail) + "\" has " + node.size() + " "
                    + (node.isArray() ? "values" : "members") + "; at most " + MAX_ELEMENTS + " are accepted per"
                    + " request, so send the rest in further requests");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                trail.addLast("[" + i + "]");
                check(node.get(i), depth + 1, trail);
                trail.removeLast();
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            checkString(member.getKey(), "member name", trail);
            trail.addLast("." + member.getKey());
            check(member.getValue(), depth + 1, trail);
            trail.removeLast();
        }
    }

    private static void checkString(String text, String what, Deque<String> trail) {
        if (text.length() > MAX_STRING) {
            throw ScimException.invalidValue("a " + what + " in \"" + excerpt(path(trail)) + "\" is " + text.length()
                    + " characters long; the limit is " + MAX_STRING);
        }
    }

    private static String path(Deque<String> trail) {
        return String.join("", trail);
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
