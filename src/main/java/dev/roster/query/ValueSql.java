package dev.roster.query;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.Comparand;
import dev.roster.scim.filter.CompareOp;
import java.math.BigDecimal;

/**
 * SQL tests on ONE jsonb value (an element of a flattened attribute), mirroring the in-memory evaluator value for value
 * (dev.roster.scim.filter.ValueTest and "present", RFC 7644 §3.4.2.2):
 * <ul>
 *   <li>present: not null, not "", and a container holding some present value (looked at 8 levels deep, as the evaluator
 *   does);</li>
 *   <li>strings: a string, number or boolean value compared as its text, lower-cased unless caseExact, ordered by code
 *   point ({@code collate "C"});</li>
 *   <li>numbers: JSON numbers, or strings holding a JSON number, compared numerically;</li>
 *   <li>booleans: true/false, or the strings "true"/"false" in any case (Entra sends "False");</li>
 *   <li>dateTimes: strings holding an xsd:dateTime, compared as instants (no offset: UTC).</li>
 * </ul>
 * A value of the wrong kind passes no comparison. Nothing here raises an error for any document: casts are guarded, so a
 * malformed value cannot turn a search into a 500.
 */
final class ValueSql {

    /** Numbers longer than this are never read from strings, and literals must stay within it (PostgreSQL numeric). */
    static final int MAX_NUMBER_DIGITS = 1000;

    private static final String JSON_NUMBER = "'^-{0,1}(0|[1-9][0-9]*)([.][0-9]+){0,1}([eE][-+]{0,1}[0-9]{1,3}){0,1}$'";
    private static final String DATE_TIME = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}[tT]([01][0-9]|2[0-3]):[0-5][0-9]"
            + "(:[0-5][0-9]([.][0-9]{1,9}){0,1}){0,1}([zZ]|[-+][0-9]{2}:[0-9]{2}(:[0-9]{2}){0,1}){0,1}$'";
    private static final String HAS_OFFSET = "'([zZ]|[-+][0-9]{2}:[0-9]{2}(:[0-9]{2}){0,1})$'";
    private static final String EMPTY_STRING = "'\"\"'::jsonb";

    private final Symbols symbols;

    ValueSql(Symbols symbols) {
        this.symbols = symbols;
    }

    /** {@code x} is present (RFC 7644 "pr"): not null, not "", not a container of only such values. */
    Cond present(String x) {
        String deep = symbols.alias("d");
        String deepest = symbols.alias("d");
        String nested = "(exists (select 1 from jsonb_path_query(" + x + ", 'strict $.**{1 to 7}') " + deep + "(n)"
                + " where jsonb_typeof(" + deep + ".n) in ('number', 'boolean') or (jsonb_typeof(" + deep + ".n) ="
                + " 'string' and " + deep + ".n <> " + EMPTY_STRING + "))"
                + " or exists (select 1 from jsonb_path_query(" + x + ", 'strict $.**{8}') " + deepest + "(n)"
                + " where jsonb_typeof(" + deepest + ".n) <> 'null'))";
        return new SqlBuilder().sql("(case when jsonb_typeof(" + x + ") = 'null' then false"
                + " when jsonb_typeof(" + x + ") = 'string' then " + x + " <> " + EMPTY_STRING
                + " when jsonb_typeof(" + x + ") in ('object', 'array') then " + nested + " else true end)").atom();
    }

    /** {@code x op comparand}, for a present value of the matching kind. */
    Cond compare(String x, CompareOp op, Comparand comparand) {
        return switch (comparand) {
            case Comparand.Text text -> text(x, op, text);
            case Comparand.Numeric numeric -> typed(x, number(x), op, numeric(numeric.value()), "numeric");
            case Comparand.Bool bool -> typed(x, bool(x), op, bool.value(), "boolean");
            case Comparand.Timestamp time -> typed(x, timestamp(x), op, time.value(), "timestamptz");
            case Comparand.Null ignored -> throw new IllegalArgumentException("null is a presence test");
        };
    }

    private Cond text(String x, CompareOp op, Comparand.Text text) {
        String scalar = "jsonb_typeof(" + x + ") in ('string', 'number', 'boolean') and " + x + " <> " + EMPTY_STRING;
        return switch (TextComparison.plan(op, text.value())) {
            case TextComparison.Never never -> Cond.FALSE;
            case TextComparison.AnyPresent present -> new SqlBuilder().sql(scalar).atom();
            case TextComparison.Test test -> {
                boolean fold = !text.caseExact();
                String value = fold ? "lower(" + x + " #>> '{}')" : "(" + x + " #>> '{}')";
                SqlBuilder sql = new SqlBuilder().sql(scalar + " and " + value);
                if (test.op().isOrdering()) {
                    sql.sql(" collate \"C\"");
                }
                sql.sql(" " + TextComparison.operator(test.op()) + " ");
                if (fold) {
                    sql.sql("lower(");
                }
                sql.arg(symbols.parameter(test.boundValue()), "text");
                if (fold) {
                    sql.sql(")");
                }
                if (test.op().isSubstring()) {
                    sql.sql(" escape '" + TextComparison.ESCAPE + "'");
                } else if (test.op().isOrdering()) {
                    sql.sql(" collate \"C\"");
                }
                yield sql.atom();
            }
        };
    }

    private Cond typed(String x, String read, CompareOp op, Object literal, String type) {
        return new SqlBuilder().sql(read + " " + TextComparison.operator(op) + " ")
                .arg(symbols.parameter(literal), type).atom();
    }

    /** The number in {@code x}: a JSON number, or a string holding one (bounded so the cast cannot fail). */
    private static String number(String x) {
        String text = "(" + x + " #>> '{}')";
        return "(case when jsonb_typeof(" + x + ") = 'number' then " + text + "::numeric"
                + " when jsonb_typeof(" + x + ") = 'string' and length(" + text + ") <= " + MAX_NUMBER_DIGITS
                + " and " + text + " ~ " + JSON_NUMBER + " then " + text + "::numeric end)";
    }

    private static String bool(String x) {
        String word = "lower((" + x + " #>> '{}') collate \"C\")";
        return "(case when jsonb_typeof(" + x + ") = 'boolean' then (" + x + " #>> '{}')::boolean"
                + " when jsonb_typeof(" + x + ") = 'string' and " + word + " in ('true', 'false') then " + word
                + " = 'true' end)";
    }

    /** The instant in {@code x}: an xsd:dateTime string (RFC 7643 §2.3.5); without an offset, UTC (as the evaluator). */
    private static String timestamp(String x) {
        String text = "(" + x + " #>> '{}')";
        return "(case when jsonb_typeof(" + x + ") = 'string' and " + text + " ~ " + DATE_TIME
                + " and pg_input_is_valid(" + text + ", 'timestamptz') then (case when " + text + " ~ " + HAS_OFFSET
                + " then " + text + "::timestamptz else " + text + "::timestamp at time zone 'UTC' end) end)";
    }

    /** A numeric literal within PostgreSQL numeric's reach; beyond it, an invalidFilter. */
    private static BigDecimal numeric(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_NUMBER_DIGITS || value.scale() > MAX_NUMBER_DIGITS) {
            throw ScimException.invalidFilter("numbers in filters are limited to " + MAX_NUMBER_DIGITS
                    + " digits before and after the decimal point");
        }
        return value;
    }
}
