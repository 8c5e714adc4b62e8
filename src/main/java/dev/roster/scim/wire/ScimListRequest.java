package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The query of a SCIM list or search (RFC 7644 §3.4.2 and §3.4.3): filter, 1-based startIndex, count, sortBy, sortOrder,
 * attributes and excludedAttributes. Bounded and validated here, so services receive only sane values; unknown query
 * parameters (Entra's {@code ?aadOptscim062020}) are simply not read.
 */
public record ScimListRequest(String filter, int startIndex, int count, String sortBy, boolean descending,
                              List<String> attributes, List<String> excludedAttributes, Cursor cursor) {

    /**
     * Cursor pagination (RFC 9865): {@code cursor=} (empty) asks for the first page, then each answer's
     * {@code nextCursor} for the next. Cursors follow id order and never expire: a resource created meanwhile shows up
     * on a later page if its id sorts after the cursor.
     */
    public record Cursor(UUID after) {

        public static final Cursor FIRST = new Cursor(null);

        public static Cursor parse(String text) {
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                return FIRST;
            }
            try {
                if (text.length() > 64) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(UUID.fromString(new String(Base64.getUrlDecoder().decode(text.trim()),
                        StandardCharsets.US_ASCII)));
            } catch (IllegalArgumentException e) {
                throw ScimException.invalidCursor("The cursor is not one this server issued; start again with"
                        + " cursor= (empty) and follow nextCursor.");
            }
        }

        public static String encode(UUID lastId) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(lastId.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The page size a client gets without asking, and the most it may ask for (advertised in ServiceProviderConfig). */
    public static final int DEFAULT_COUNT = 100;
    public static final int MAX_COUNT = 1000;
    static final int MAX_FILTER_LENGTH = 4096;
    static final int MAX_ATTRIBUTE_LIST = 2048;

    public static ScimListRequest fromQuery(String filter, String startIndex, String count, String sortBy,
                                            String sortOrder, String attributes, String excludedAttributes) {
        return fromQuery(filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes, null);
    }

    public static ScimListRequest fromQuery(String filter, String startIndex, String count, String sortBy,
                                            String sortOrder, String attributes, String excludedAttributes,
                                            String cursor) {
        Cursor parsed = Cursor.parse(cursor);
        if (parsed != null && (startIndex != null || sortBy != null)) {
            throw ScimException.invalidValue("cursor pagination (RFC 9865) follows id order: send cursor without"
                    + " startIndex and sortBy.");
        }
        return new ScimListRequest(filter(filter), startIndex(startIndex), count(count), blankToNull(sortBy),
                descending(sortOrder), names(attributes, "attributes"), names(excludedAttributes, "excludedAttributes"),
                parsed);
    }

    /** {@code POST .../.search} (RFC 7644 §3.4.3): the same parameters as a SearchRequest body. */
    public static ScimListRequest fromSearchBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The search request body must be a JSON object (RFC 7644 §3.4.3).");
        }
        return fromQuery(text(body, "filter"), text(body, "startIndex"), text(body, "count"), text(body, "sortBy"),
                text(body, "sortOrder"), list(body, "attributes"), list(body, "excludedAttributes"),
                text(body, "cursor"));
    }

    /** The same query for another window of results (a root search splits its page between resource types). */
    public ScimListRequest withPage(int newStartIndex, int newCount) {
        return new ScimListRequest(filter, newStartIndex, newCount, sortBy, descending, attributes, excludedAttributes,
                cursor);
    }

    /** The 0-based offset of the first result. */
    public int offset() {
        return startIndex - 1;
    }

    private static String filter(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw ScimException.invalidFilter("The filter is longer than " + MAX_FILTER_LENGTH + " characters.");
        }
        return filter;
    }

    /** RFC 7644 §3.4.2.4: a startIndex below 1 is read as 1. */
    private static int startIndex(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return (int) Math.max(1, Math.min(parsed, Integer.MAX_VALUE));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("startIndex must be a positive integer; got '" + shorten(value) + "'.");
        }
    }

    /** RFC 7644 §3.4.2.4: a negative count is read as 0; above the maximum, the maximum is used. */
    private static int count(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return (int) Math.max(0, Math.min(parsed, MAX_COUNT));
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("count must be a non-negative integer; got '" + shorten(value) + "'.");
        }
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank()) {
            return false;
        }
        return switch (sortOrder.trim().toLowerCase(Locale.ROOT)) {
            case "ascending" -> false;
            case "descending" -> true;
            default -> throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'.");
        };
    }

    private static List<String> names(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        if (value.length() > MAX_ATTRIBUTE_LIST) {
            throw ScimException.invalidValue(parameter + " is longer than " + MAX_ATTRIBUTE_LIST + " characters.");
        }
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return List.copyOf(names);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String list(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> names = new ArrayList<>();
            value.forEach(element -> names.add(element.asText()));
            return String.join(",", names);
        }
        return value.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shorten(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "..." : value;
    }
}
