package dev.roster.query;

import dev.roster.scim.filter.CompareOp;
import java.util.Locale;

/**
 * String comparisons on one text column, in HQL, as RFC 7644 §3.4.2.2 defines them and {@link TextComparison} plans them.
 *
 * @param column   the column as stored, for presence ({@code u.userName})
 * @param nullable whether the column may be NULL (then every test says {@code is not null} first, so it is two-valued)
 * @param compared what comparisons read: the column, {@code lower(column)}, or a column holding the lower-cased value
 * @param fold     how the literal is made comparable with {@code compared}
 */
record TextColumn(String column, boolean nullable, String compared, Fold fold) {

    enum Fold {
        /** caseExact: the literal as sent. */
        EXACT,
        /**
         * Not caseExact: {@code lower(...)} on both sides in PostgreSQL, the same function the unique and lookup indexes
         * use ({@code (tenant_id, lower(user_name))}), so {@code userName eq} is an index lookup and agrees with the
         * uniqueness check.
         */
        DATABASE,
        /** Not caseExact, against a column written lower-cased by Java (scim_user_value.value_lower): lower it likewise. */
        JAVA
    }

    /** A column compared as stored ({@code caseExact}) or through {@code lower()}. */
    static TextColumn of(String column, boolean nullable, boolean caseExact) {
        return caseExact
                ? new TextColumn(column, nullable, column, Fold.EXACT)
                : new TextColumn(column, nullable, "lower(" + column + ")", Fold.DATABASE);
    }

    /** A not-nullable column with a companion column holding its {@code toLowerCase(Locale.ROOT)}. */
    static TextColumn preLowered(String column, String lowered) {
        return new TextColumn(column, false, lowered, Fold.JAVA);
    }

    /** Present: not NULL and not empty (RFC 7644 §3.4.2.2 "pr"). */
    Cond present() {
        return Cond.atom(nullable ? column + " is not null and " + column + " <> ''" : column + " <> ''");
    }

    Cond compare(Symbols symbols, CompareOp op, String literal) {
        String value = fold == Fold.JAVA ? literal.toLowerCase(Locale.ROOT) : literal;
        return switch (TextComparison.plan(op, value)) {
            case TextComparison.Never never -> Cond.FALSE;
            case TextComparison.AnyPresent present -> present();
            case TextComparison.Test test -> test(symbols, test);
        };
    }

    private Cond test(Symbols symbols, TextComparison.Test test) {
        Cond.Arg parameter = symbols.parameter(test.boundValue());
        String bound = fold == Fold.DATABASE ? "lower(" + parameter.hql() + ")" : parameter.hql();
        StringBuilder text = new StringBuilder();
        if (nullable) {
            text.append(column).append(" is not null and ");
        }
        if (test.needsPresence()) {
            text.append(column).append(" <> '' and ");
        }
        CompareOp op = test.op();
        if (op.isSubstring()) {
            text.append(compared).append(" like ").append(bound).append(" escape '").append(TextComparison.ESCAPE)
                    .append('\'');
        } else if (op.isOrdering()) {
            // Code-point order (RFC 7644 leaves string order to the server; the evaluator uses code points): the "C"
            // collation, through Hibernate's sql() since HQL has no collation syntax.
            text.append("cast(sql('? collate \"C\" ").append(TextComparison.operator(op)).append(" ?', ")
                    .append(compared).append(", ").append(bound).append(") as Boolean) = true");
        } else {
            text.append(compared).append(' ').append(TextComparison.operator(op)).append(' ').append(bound);
        }
        return Cond.atom(text.toString(), parameter);
    }
}
