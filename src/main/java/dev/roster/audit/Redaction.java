package dev.roster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Takes secrets out of what the audit log keeps (issue 15, item 6): members whose name says secret ({@code token},
 * {@code secret}, {@code clientSecret}, {@code password}, any name ending in {@code key} or {@code secret}), and any
 * text that holds a Roster credential ({@code rst_...}, {@code whsec_...}, a setup link's {@code rsl_...}) wherever it
 * is. Hints stay: they are
 * four characters, meant to be shown.
 */
public final class Redaction {

    static final String REDACTED = "(redacted)";
    private static final Set<String> SECRET_NAMES = Set.of("token", "secret", "clientsecret", "password",
            "client_secret", "access_token");
    /**
     * A Roster secret anywhere in a text: a token ({@code rst_}), a webhook secret ({@code whsec_}), a setup link's secret
     * ({@code rsl_}, also inside the link's URL), each followed by its random part.
     */
    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])(rst|rcs|whsec|rsl)_[A-Za-z0-9_+/=-]{16,}");

    private Redaction() {
    }

    /** A copy of {@code value} with every secret replaced by {@value #REDACTED}. */
    public static JsonNode redact(JsonNode value) {
        if (value == null) {
            return null;
        }
        JsonNode copy = value.deepCopy();
        scrub(copy);
        return copy;
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (secretName(name) && !child.isNull()) {
                    object.put(name, REDACTED);
                } else if (looksLikeCredential(child)) {
                    object.put(name, REDACTED);
                } else {
                    scrub(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (looksLikeCredential(array.get(i))) {
                    array.set(i, TextNode.valueOf(REDACTED));
                } else {
                    scrub(array.get(i));
                }
            }
        }
    }

    static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(lower) || lower.endsWith("key") || lower.endsWith("secret");
    }

    private static boolean looksLikeCredential(JsonNode value) {
        return value != null && value.isTextual() && CREDENTIAL.matcher(value.asText()).find();
    }
}
