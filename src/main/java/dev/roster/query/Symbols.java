package dev.roster.query;

/**
 * Names handed out while compiling one filter: parameters ({@code p1}, {@code p2}, ... after the caller's prefix) and
 * subquery aliases. One instance per compilation; never shared.
 */
final class Symbols {

    private final String prefix;
    private int parameters;
    private int aliases;

    Symbols(String prefix) {
        this.prefix = prefix;
    }

    /** A new bound parameter holding {@code value}. */
    Cond.Arg parameter(Object value) {
        return Cond.Arg.parameter(prefix + "p" + (++parameters), value);
    }

    /** The tenant parameter every compiled query names. */
    String tenant() {
        return prefix + "tenant";
    }

    /** A new alias for a subquery table or function: {@code stem} and a number unique in this compilation. */
    String alias(String stem) {
        return stem + (++aliases);
    }
}
