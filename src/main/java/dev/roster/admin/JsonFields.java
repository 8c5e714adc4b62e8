package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.wire.UnstorableText;
import dev.roster.failure.Failure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** Reading admin request bodies field by field, with problem details that name the field and what it must be. */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Failure.invalid("The request body must be a JSON object.");
        }
        UnstorableText.find(body).ifPresent(problem -> {
            throw Failure.invalid("The request body holds " + problem + "; such text cannot be stored.");
        });
        return body;
    }

    /** An optional body: absent or null reads as {@code {}}. */
    public static JsonNode objectOrEmpty(JsonNode body) {
        return body == null || body.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : requireObject(body);
    }

    public static void rejectUnknown(JsonNode body, Set<String> allowed) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Failure.invalid("Unknown or read-only field '" + name + "'; allowed fields: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    /** A required string of 1..max characters (after trimming). */
    public static String requiredText(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw Failure.invalid("'" + field + "' is required.");
        }
        return text(value, field, max);
    }

    public static String optionalText(JsonNode body, String field, int max, String fallback) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? fallback : text(value, field, max);
    }

    private static String text(JsonNode value, String field, int max) {
        if (!value.isTextual() || value.asText().isBlank() || value.asText().trim().length() > max) {
            throw Failure.invalid("'" + field + "' must be a non-empty string of at most " + max
                    + " characters.");
        }
        return value.asText().trim();
    }

    /** An optional boolean field: null when absent, a 400 naming the field when it is not true or false. */
    public static Boolean optionalBoolean(JsonNode body, String field) {
        return optionalBoolean(body, field, "'" + field + "' must be true or false.");
    }

    /** As {@link #optionalBoolean(JsonNode, String)}, with the 400's detail given (to say what each value means). */
    public static Boolean optionalBoolean(JsonNode body, String field, String detail) {
        if (!body.has(field)) {
            return null;
        }
        if (!body.get(field).isBoolean()) {
            throw Failure.invalid(detail);
        }
        return body.get(field).booleanValue();
    }

    /** An RFC 3339 date-time given as text (a body field or a query parameter); a 400 naming the field otherwise. */
    /** A boolean query parameter: absent is false; anything but {@code true}/{@code false} is a 400. */
    public static boolean queryBoolean(String value, String name) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw Failure.invalid("'" + name + "' must be true or false; got '" + value + "'.");
    }

    public static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'" + field + "' must be an RFC 3339 date-time such as 2026-12-07T00:00:00Z.");
        }
    }

    /** RFC 3339 has four-digit years; later instants also overflow PostgreSQL's timestamptz. */
    static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    /** An optional RFC 3339 time that must lie in the future (an expiry). */
    public static Instant optionalFutureInstant(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
            if (!instant.isAfter(Instant.now())) {
                throw Failure.invalid("'" + field + "' must lie in the future.");
            }
            if (!instant.isBefore(LATEST_INSTANT)) {
                throw Failure.invalid("'" + field + "' must lie before the year 10000 (RFC 3339 years"
                        + " have four digits).");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'" + field + "' must be an RFC 3339 date-time such as"
                    + " 2027-01-31T00:00:00Z.");
        }
    }
}
