package dev.roster.scim.filter;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.Names;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A filter value made ready to compare with one attribute: the literal coerced to the attribute's type, or an invalidFilter
 * when the type cannot take the operator or the value. The in-memory evaluator and the database compiler share these rules,
 * so both give the same answer:
 * <ul>
 *   <li>string, reference, binary: compared as text, honouring {@code caseExact} (RFC 7644 §3.4.2.2); a number or boolean
 *   literal compares as its JSON text (lenient Entra queries send unquoted numeric ids). Ordering is by Unicode code
 *   point, after lower-casing (Locale.ROOT) when not case-exact. Binary has no order (RFC 7644 §3.4.2.2).</li>
 *   <li>boolean: {@code eq}/{@code ne} only (ordering is an invalidFilter, RFC 7644 §3.4.2.2); {@code true}/{@code false}
 *   literals, or those words as strings in any case (Entra sends "False", Q2).</li>
 *   <li>integer, decimal: numbers, or strings holding a JSON number; compared numerically (scale ignored).</li>
 *   <li>dateTime: strings holding an xsd:dateTime (RFC 7643 §2.3.5), compared as instants.</li>
 *   <li>co, sw, ew apply to string, reference and binary attributes only.</li>
 *   <li>{@code eq null} / {@code ne null} test absence / presence and apply to every type.</li>
 * </ul>
 */
public sealed interface Comparand {

    record Text(String value, boolean caseExact) implements Comparand {
        /** The value as compared: lower-cased (Locale.ROOT) unless case-exact. */
        public String normalised() {
            return caseExact ? value : value.toLowerCase(Locale.ROOT);
        }
    }

    record Numeric(BigDecimal value) implements Comparand {
    }

    record Bool(boolean value) implements Comparand {
    }

    record Timestamp(Instant value) implements Comparand {
    }

    /** {@code eq null} / {@code ne null}: an absence / presence test. */
    record Null() implements Comparand {
    }

    /**
     * Coerces {@code value} for comparing attribute {@code path} (whose definition is {@code target}, never complex) with
     * {@code op}.
     *
     * @throws ScimException invalidFilter when the combination is unsupported
     */
    static Comparand of(AttrPath path, AttributeDef target, CompareOp op, FilterValue value) {
        if (value instanceof FilterValue.NullValue) {
            return new Null();
        }
        String type = target.type().wireName();
        return switch (target.type()) {
            case STRING, REFERENCE, BINARY -> {
                if (op.isOrdering() && target.type() == AttributeType.BINARY) {
                    throw invalid(path, type, "\"" + op.wireName() + "\" cannot order binary values; use eq or ne");
                }
                boolean caseExact = target.caseExact() || target.type() == AttributeType.BINARY;
                yield new Text(value.asText(), caseExact);
            }
            case BOOLEAN -> {
                if (op.isOrdering() || op.isSubstring()) {
                    throw invalid(path, type, "\"" + op.wireName() + "\" does not apply to booleans; use eq or ne");
                }
                yield switch (value) {
                    case FilterValue.BooleanValue bool -> new Bool(bool.value());
                    case FilterValue.StringValue text when Names.equalsIgnoreCase(text.value(), "true") -> new Bool(true);
                    case FilterValue.StringValue text when Names.equalsIgnoreCase(text.value(), "false") -> new Bool(false);
                    default -> throw invalid(path, type, "compare it with true or false");
                };
            }
            case INTEGER, DECIMAL -> {
                if (op.isSubstring()) {
                    throw invalid(path, type, "\"" + op.wireName() + "\" applies to strings only");
                }
                yield switch (value) {
                    case FilterValue.NumberValue number -> new Numeric(number.value());
                    case FilterValue.StringValue text when JsonNumbers.isJsonNumber(text.value()) ->
                            new Numeric(decimal(path, type, text.value()));
                    default -> throw invalid(path, type, "compare it with a number");
                };
            }
            case DATE_TIME -> {
                if (op.isSubstring()) {
                    throw invalid(path, type, "\"" + op.wireName() + "\" applies to strings only; compare dateTimes"
                            + " with eq, ne, gt, ge, lt or le");
                }
                if (value instanceof FilterValue.StringValue text) {
                    yield new Timestamp(text.asInstant().orElseThrow(() -> invalid(path, type,
                            "compare it with an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"")));
                }
                throw invalid(path, type, "compare it with an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"");
            }
            case COMPLEX -> throw ScimException.invalidFilter("\"" + path + "\" is a complex attribute; compare one of"
                    + " its sub-attributes, such as \"" + path.parent() + "."
                    + (target.subAttributes().isEmpty() ? "value" : target.subAttributes().get(0).name()) + "\"");
        };
    }

    private static BigDecimal decimal(AttrPath path, String type, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(path, type, "the number is out of range");
        }
    }

    private static ScimException invalid(AttrPath path, String type, String fix) {
        return ScimException.invalidFilter("\"" + path + "\" is a " + type + " attribute: " + fix);
    }
}
