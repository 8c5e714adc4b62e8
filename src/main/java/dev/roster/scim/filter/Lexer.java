package dev.roster.scim.filter;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.Names;

/**
 * Splits a filter or PATCH path into tokens on demand, for {@link Parser}. Words are runs of characters other than
 * whitespace and the delimiters {@code ( ) [ ] "}; the parser decides whether a word is an attribute path, an operator, a
 * keyword or a literal, since SCIM has no reserved words. Strings are JSON strings (RFC 8259 §7), decoded here.
 *
 * <p>Columns are 1-based offsets in UTF-16 characters. Errors go through the {@link Errors} the parser supplies, which
 * picks the scimType (invalidFilter, or invalidPath outside a PATCH path's brackets).
 */
final class Lexer {

    enum Kind { LPAREN, RPAREN, LBRACKET, RBRACKET, STRING, WORD, UNQUOTED, END }

    /**
     * One token.
     *
     * @param text   the decoded text of a string, otherwise the source text
     * @param raw    the source text, as shown in error details
     * @param column the 1-based column of the token's first character
     */
    record Token(Kind kind, String text, String raw, int column) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && Names.equalsIgnoreCase(text, keyword);
        }
    }

    @FunctionalInterface
    interface Errors {
        ScimException at(int column, String message);
    }

    private final String input;
    private final Errors errors;
    private int pos;
    private Token peeked;

    Lexer(String input, Errors errors) {
        this.input = input;
        this.errors = errors;
    }

    Token peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    /**
     * The comparison value after an operator: a string, or (lenient) an unquoted value running to whitespace or to a
     * ")" / "]" that closes nothing opened inside it (see {@link ParseOptions#lenient()}), or (strict) a plain token.
     */
    Token nextValue(boolean lenient) {
        if (peeked != null) {
            pos = peeked.column() - 1;
            peeked = null;
        }
        skipWhitespace();
        if (!lenient || pos >= input.length() || input.charAt(pos) == '"') {
            return read();
        }
        int start = pos;
        int depth = 0;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (isWhitespace(c)) {
                break;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            pos++;
        }
        if (pos == start) {
            return read();
        }
        String text = input.substring(start, pos);
        return new Token(Kind.UNQUOTED, text, text, start + 1);
    }

    private Token read() {
        skipWhitespace();
        if (pos >= input.length()) {
            return new Token(Kind.END, "", "", input.length() + 1);
        }
        int start = pos;
        char c = input.charAt(pos);
        Kind single = switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            default -> null;
        };
        if (single != null) {
            pos++;
            return new Token(single, String.valueOf(c), String.valueOf(c), start + 1);
        }
        if (c == '"') {
            return string();
        }
        while (pos < input.length() && !isWhitespace(input.charAt(pos)) && !isDelimiter(input.charAt(pos))) {
            pos++;
        }
        String text = input.substring(start, pos);
        return new Token(Kind.WORD, text, text, start + 1);
    }

    /** A JSON string (RFC 8259 §7): escapes decoded, raw control characters rejected. */
    private Token string() {
        int start = pos;
        pos++;
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= input.length()) {
                throw errors.at(start + 1, "the string starting here has no closing double quote");
            }
            char c = input.charAt(pos);
            if (c == '"') {
                pos++;
                return new Token(Kind.STRING, text.toString(), input.substring(start, pos), start + 1);
            }
            if (c < 0x20) {
                throw errors.at(pos + 1, "a control character inside a string must be escaped as \\u"
                        + String.format("%04x", (int) c));
            }
            if (c == '\\') {
                text.append(escape());
            } else {
                text.append(c);
                pos++;
            }
        }
    }

    private char escape() {
        int backslash = pos;
        if (backslash + 1 >= input.length()) {
            throw errors.at(backslash + 1, "the string ends inside an escape sequence");
        }
        char kind = input.charAt(backslash + 1);
        pos = backslash + 2;
        return switch (kind) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape(backslash);
            default -> throw errors.at(backslash + 1, "\"\\" + printable(kind)
                    + "\" is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX");
        };
    }

    private char unicodeEscape(int backslash) {
        if (backslash + 6 > input.length()) {
            throw errors.at(backslash + 1, "\\u must be followed by four hexadecimal digits");
        }
        int value = 0;
        for (int i = backslash + 2; i < backslash + 6; i++) {
            int digit = Character.digit(input.charAt(i), 16);
            if (digit < 0 || input.charAt(i) > 'f') {
                throw errors.at(backslash + 1, "\\u must be followed by four hexadecimal digits");
            }
            value = value * 16 + digit;
        }
        pos = backslash + 6;
        return (char) value;
    }

    private void skipWhitespace() {
        while (pos < input.length() && isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    /** RFC 7644 separates tokens with SP; tabs and line breaks are tolerated the same way. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '"';
    }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("u%04x", (int) c) : String.valueOf(c);
    }
}
