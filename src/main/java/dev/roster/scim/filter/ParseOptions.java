package dev.roster.scim.filter;

/**
 * How {@link FilterParser} and {@link PathParser} read their input.
 *
 * @param lenient   accept unquoted values after a comparison operator, as Entra's documentation shows them
 *                  ({@code userName eq john@x.com}, Q14). An unquoted value runs to the next whitespace, or to a ")" or
 *                  "]" that closes nothing opened inside the value: {@code displayName eq LACreateGroup-(1a2b3c4d)} reads
 *                  the whole group name, and {@code (userName eq bob)} stops before the last ")". An unquoted value
 *                  that is a JSON literal ({@code true}, {@code false}, {@code null}, a number) keeps that type, except
 *                  after {@code co}, {@code sw} and {@code ew}, which compare strings. Quoted strings work as always.
 * @param maxLength the longest input accepted, in UTF-16 characters; longer input is rejected before it is read
 * @param maxDepth  the deepest nesting of parentheses and brackets accepted; bounds the parser's recursion, so no input
 *                  can overflow the stack
 */
public record ParseOptions(boolean lenient, int maxLength, int maxDepth) {

    public static final int DEFAULT_MAX_LENGTH = 4096;
    public static final int DEFAULT_MAX_DEPTH = 32;

    /** RFC 7644 §3.4.2.2 as written: string values in double quotes. */
    public static final ParseOptions STRICT = new ParseOptions(false, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);

    /** Strict, plus unquoted values (see {@link #lenient()}). */
    public static final ParseOptions LENIENT = new ParseOptions(true, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);

    public ParseOptions {
        if (maxLength < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        // Each level costs a few stack frames; beyond a few hundred a hostile filter could overflow a small stack.
        if (maxDepth > 256) {
            throw new IllegalArgumentException("maxDepth above 256 would let a filter overflow the stack");
        }
    }

    public ParseOptions withLenient(boolean value) {
        return new ParseOptions(value, maxLength, maxDepth);
    }

    public ParseOptions withMaxLength(int value) {
        return new ParseOptions(lenient, value, maxDepth);
    }

    public ParseOptions withMaxDepth(int value) {
        return new ParseOptions(lenient, maxLength, value);
    }
}
