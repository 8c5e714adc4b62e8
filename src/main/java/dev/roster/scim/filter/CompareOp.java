package dev.roster.scim.filter;

import java.util.Locale;
import java.util.Optional;

/** The comparison operators of RFC 7644 §3.4.2.2, Table 3 ({@code pr} is {@link Filter.Present}). */
public enum CompareOp {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case form printed in canonical filters. */
    public String wireName() {
        return wireName;
    }

    /** gt, ge, lt and le: defined on strings, numbers and dateTimes, never on booleans or binary (RFC 7644 §3.4.2.2). */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** co, sw and ew: substring matches, defined on strings only. */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }

    /** Operators are case-insensitive (RFC 7644 §3.4.2.2). */
    public static Optional<CompareOp> fromToken(String token) {
        if (token.length() != 2) {
            return Optional.empty();
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (CompareOp op : values()) {
            if (op.wireName.equals(lower)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
