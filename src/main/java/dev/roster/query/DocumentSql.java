package dev.roster.query;

import dev.roster.scim.filter.Comparand;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.schema.AttributeDef;
import java.util.Optional;
import java.util.function.Function;

/**
 * Filters on attributes that live only in the jsonb document, as SQL fragments over it (through Hibernate's
 * {@code sql()} HQL function). The values of an attribute are found as the in-memory evaluator finds them:
 * <ul>
 *   <li>member names match exactly first, then ignoring ASCII case (RFC 7643 §2.1; {@code lower(key collate "C")} folds
 *   ASCII only, like {@link dev.roster.scim.schema.Names});</li>
 *   <li>extension attributes live under their schema URN (RFC 7643 §3.3);</li>
 *   <li>a multi-valued attribute is flattened one level ({@code lax $[*]}): "any value matches" (RFC 7644 §3.4.2.2);</li>
 *   <li>inside a value path, one element (an object) must pass the whole value filter.</li>
 * </ul>
 * Attribute names and URNs are bound like values, so no name needs quoting.
 */
final class DocumentSql {

    private final Symbols symbols;
    private final String document;
    private final ValueSql values;

    DocumentSql(Symbols symbols, String document) {
        this.symbols = symbols;
        this.document = document;
        this.values = new ValueSql(symbols);
    }

    ValueSql values() {
        return values;
    }

    /**
     * Some value of {@code attribute} (under {@code container}, an extension URN, when not null) passes {@code test},
     * which receives the SQL expression of one value.
     */
    Cond anyValue(String container, String attribute, Function<String, Cond> test) {
        String value = symbols.alias("a");
        Cond predicate = test.apply(value + ".x");
        if (predicate.equals(Cond.FALSE)) {
            return Cond.FALSE;
        }
        SqlBuilder sql = new SqlBuilder().sql("exists (select 1 from ");
        String scope = scope(sql, container);
        sql.sql(", jsonb_path_query(");
        field(sql, scope, attribute);
        sql.sql(", 'lax $[*]') " + value + "(x) where ").cond(predicate).sql(")");
        return SqlBuilder.toHql(sql.atom());
    }

    /** The elements of {@code attribute}, for value paths and {@code attribute.sub} tests. */
    ElementScope elements(String container, String attribute) {
        return new Elements(container, attribute, symbols.alias("e"));
    }

    /** Appends the resource's document and, for an extension, its object; returns the SQL naming the scope. */
    private String scope(SqlBuilder sql, String container) {
        String root = symbols.alias("r");
        sql.sql("(select ").arg(Cond.Arg.expression(document), null).sql(" as d) " + root);
        if (container == null) {
            return root + ".d";
        }
        String extension = symbols.alias("s");
        sql.sql(", lateral (select ");
        field(sql, root + ".d", container);
        sql.sql(" as d) " + extension);
        return extension + ".d";
    }

    /**
     * Member {@code name} of {@code object}: the exact name, else the first member whose name equals it ignoring ASCII
     * case, else NULL (also for non-objects).
     */
    private void field(SqlBuilder sql, String object, String name) {
        String member = symbols.alias("k");
        sql.sql("coalesce(" + object + " -> ").arg(symbols.parameter(name), "text")
                .sql(", (select " + member + ".value from jsonb_each(case when jsonb_typeof(" + object + ") = 'object'"
                        + " then " + object + " end) " + member + " where lower(" + member + ".key collate \"C\") = ")
                .arg(symbols.parameter(asciiLower(name)), "text").sql(" limit 1))");
    }

    private static String asciiLower(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    private final class Elements implements ElementScope {

        private final String container;
        private final String attribute;
        private final String element;

        Elements(String container, String attribute, String element) {
            this.container = container;
            this.attribute = attribute;
            this.element = element;
        }

        @Override
        public Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand) {
            return Optional.of(anySub(sub.name(), x -> values.compare(x, compare.op(), comparand)));
        }

        @Override
        public Optional<Cond> present(AttributeDef sub) {
            return Optional.of(anySub(sub.name(), values::present));
        }

        @Override
        public Cond wrap(Cond elementCondition) {
            if (elementCondition.equals(Cond.FALSE)) {
                return Cond.FALSE;
            }
            SqlBuilder sql = new SqlBuilder().sql("exists (select 1 from ");
            String scope = scope(sql, container);
            sql.sql(", jsonb_path_query(");
            field(sql, scope, attribute);
            sql.sql(", 'lax $[*]') " + element + "(x) where jsonb_typeof(" + element + ".x) = 'object'");
            if (!elementCondition.equals(Cond.TRUE)) {
                sql.sql(" and (").cond(elementCondition).sql(")");
            }
            return SqlBuilder.toHql(sql.sql(")").atom());
        }

        /** Some value of sub-attribute {@code sub} of this element passes {@code test} (an SQL-level condition). */
        private Cond anySub(String sub, Function<String, Cond> test) {
            String value = symbols.alias("w");
            Cond predicate = test.apply(value + ".v");
            if (predicate.equals(Cond.FALSE)) {
                return Cond.FALSE;
            }
            SqlBuilder sql = new SqlBuilder().sql("exists (select 1 from jsonb_path_query(");
            field(sql, element + ".x", sub);
            return sql.sql(", 'lax $[*]') " + value + "(v) where ").cond(predicate).sql(")").atom();
        }
    }
}
