package dev.roster.scim.filter;

import dev.roster.scim.error.ScimException;

/**
 * Parses SCIM filters (RFC 7644 §3.4.2.2) into {@link Filter} trees. Thread-safe and stateless.
 *
 * <p>Every malformed input ends in a {@link ScimException} with scimType {@code invalidFilter} and a detail that names the
 * 1-based column and what was expected, for example {@code at column 10: expected a comparison operator (eq, ne, ...) or
 * "pr" after "userName", found "equals"}. Nothing else is thrown, whatever the input: its length and nesting depth are
 * bounded by {@link ParseOptions}.
 */
public final class FilterParser {

    private FilterParser() {
    }

    /** Parses a filter with {@link ParseOptions#STRICT}. */
    public static Filter parse(String filter) {
        return Parser.filter(filter, ParseOptions.STRICT);
    }

    public static Filter parse(String filter, ParseOptions options) {
        return Parser.filter(filter, options);
    }

    /** Parses with {@link ParseOptions#LENIENT}: unquoted values are accepted (Entra, Q14). */
    public static Filter parseLenient(String filter) {
        return Parser.filter(filter, ParseOptions.LENIENT);
    }
}
