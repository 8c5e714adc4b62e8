package dev.roster.query;

import dev.roster.scim.filter.CompareOp;

/**
 * Turns a string comparison into one the database runs with the in-memory evaluator's answer (RFC 7644 §3.4.2.2, Table 3),
 * for every literal a client can send:
 * <ul>
 *   <li>PostgreSQL text and jsonb hold no U+0000 and no unpaired surrogate, so no stored value contains one. Binding such
 *   a literal would fail (or be mangled into "?" by the UTF-8 encoder), so the comparison is decided here instead:
 *   {@code eq}, {@code co}, {@code sw}, {@code ew} never hold, {@code ne} holds for every present value, and an ordering
 *   compares with the part before the character (a stored value cannot continue with it, so the order is decided
 *   there).</li>
 *   <li>An empty literal: {@code eq ""} never holds (an empty string is absent), {@code co}/{@code sw}/{@code ew}/{@code gt}
 *   /{@code ge ""} hold for every present value, {@code lt}/{@code le ""} never do.</li>
 *   <li>{@code co}, {@code sw}, {@code ew} become LIKE patterns with {@code %}, {@code _} and the escape character
 *   {@code !} escaped, so a literal never acts as a wildcard.</li>
 * </ul>
 */
final class TextComparison {

    /** The LIKE escape character; compiled queries say {@code escape '!'}. */
    static final char ESCAPE = '!';

    /** The first code point after the surrogate range: a stored value that passes a surrogate's position is above it. */
    private static final String AFTER_SURROGATES = "\ue000";

    private TextComparison() {
    }

    sealed interface Plan {
    }

    /** The comparison holds for no value. */
    record Never() implements Plan {
    }

    /** The comparison holds for every present (non-empty) value. */
    record AnyPresent() implements Plan {
    }

    /**
     * Compare with {@code literal} using {@code op}; when {@code needsPresence}, the empty string would pass, so the query
     * must also require a non-empty value (RFC 7644: an empty value is absent and satisfies no comparison).
     */
    record Test(CompareOp op, String literal, boolean needsPresence) implements Plan {

        /** The bound value: the literal, or for co/sw/ew the escaped LIKE pattern. */
        String boundValue() {
            return switch (op) {
                case CO -> "%" + escapeLike(literal) + "%";
                case SW -> escapeLike(literal) + "%";
                case EW -> "%" + escapeLike(literal);
                default -> literal;
            };
        }
    }

    static Plan plan(CompareOp op, String literal) {
        int bad = firstUnstorable(literal);
        if (bad >= 0) {
            boolean nul = literal.charAt(bad) == '\0';
            String before = literal.substring(0, bad);
            switch (op) {
                case EQ, CO, SW, EW -> {
                    return new Never();
                }
                case NE -> {
                    return new AnyPresent();
                }
                // x > before + NUL + rest  <=>  x > before, for x without NUL; likewise for the others.
                case GT, GE -> {
                    op = nul ? CompareOp.GT : CompareOp.GE;
                    literal = nul ? before : before + AFTER_SURROGATES;
                }
                case LT, LE -> {
                    op = nul ? CompareOp.LE : CompareOp.LT;
                    literal = nul ? before : before + AFTER_SURROGATES;
                }
            }
        }
        if (literal.isEmpty()) {
            return switch (op) {
                case EQ, LT, LE -> new Never();
                case NE, CO, SW, EW, GT, GE -> new AnyPresent();
            };
        }
        boolean emptyPasses = op == CompareOp.NE || op == CompareOp.LT || op == CompareOp.LE;
        return new Test(op, literal, emptyPasses);
    }

    /** Escapes {@code %}, {@code _} and the escape character itself for a LIKE pattern with {@code escape '!'}. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The SQL operator of an equality or ordering operator. */
    static String operator(CompareOp op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            case CO, SW, EW -> "like";
        };
    }

    /** The index of the first U+0000 or unpaired surrogate, or -1. */
    static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
