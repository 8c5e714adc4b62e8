package dev.roster.scim.filter;

import java.util.List;

/**
 * Prints filters in a canonical form: lower-case operators and keywords, single spaces, strings in double quotes with JSON
 * escapes, numbers as {@link java.math.BigDecimal#toString()}, attribute names as the client spelled them, and parentheses
 * exactly where the tree needs them (an {@code or} inside an {@code and}, or a nested operand of the same kind).
 * {@code FilterParser.parse(print(f)).equals(f)} holds for every filter the parser produces and every tree the
 * constructors accept. Thread-safe and stateless.
 */
public final class FilterPrinter {

    private FilterPrinter() {
    }

    public static String print(Filter filter) {
        StringBuilder out = new StringBuilder();
        append(out, filter);
        return out.toString();
    }

    public static String print(PathExpression path) {
        StringBuilder out = new StringBuilder();
        out.append(path.attribute());
        if (path.valueFilter() != null) {
            out.append('[');
            append(out, path.valueFilter());
            out.append(']');
            if (path.subAttribute() != null) {
                out.append('.').append(path.subAttribute());
            }
        }
        return out.toString();
    }

    /** A value as it appears in a filter: {@code "text"}, {@code 42}, {@code 1.5E+3}, {@code true}, {@code null}. */
    public static String print(FilterValue value) {
        StringBuilder out = new StringBuilder();
        appendValue(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Filter filter) {
        switch (filter) {
            case Filter.Or or -> operands(out, or.operands(), false);
            case Filter.And and -> operands(out, and.operands(), true);
            case Filter.Not not -> {
                out.append("not (");
                append(out, not.operand());
                out.append(')');
            }
            case Filter.Present present -> out.append(present.path()).append(" pr");
            case Filter.Compare compare -> {
                out.append(compare.path()).append(' ').append(compare.op().wireName()).append(' ');
                appendValue(out, compare.value());
            }
            case Filter.ValuePath valuePath -> {
                out.append(valuePath.attribute()).append('[');
                append(out, valuePath.filter());
                out.append(']');
                if (valuePath.subAttributeExpression() != null) {
                    out.append('.');
                    append(out, valuePath.subAttributeExpression());
                }
            }
        }
    }

    /**
     * Operands of an n-ary and/or. An operand of the same kind needs parentheses (else it would merge into this node), and
     * so does an {@code or} inside an {@code and} (else precedence would regroup it).
     */
    private static void operands(StringBuilder out, List<Filter> operands, boolean and) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(and ? " and " : " or ");
            }
            Filter operand = operands.get(i);
            boolean parenthesise = operand instanceof Filter.Or || (and && operand instanceof Filter.And);
            if (parenthesise) {
                out.append('(');
            }
            append(out, operand);
            if (parenthesise) {
                out.append(')');
            }
        }
    }

    private static void appendValue(StringBuilder out, FilterValue value) {
        switch (value) {
            case FilterValue.StringValue string -> appendString(out, string.value());
            case FilterValue.NumberValue number -> out.append(number.value().toString());
            case FilterValue.BooleanValue bool -> out.append(bool.value());
            case FilterValue.NullValue ignored -> out.append("null");
        }
    }

    /** A JSON string (RFC 8259 §7); unpaired surrogates are escaped so the output is valid Unicode. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isUnpairedSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
