package dev.roster.scim.filter;

import java.util.List;
import java.util.Objects;

/**
 * The filter tree of RFC 7644 §3.4.2.2. Records compare structurally (attribute names case-insensitively, see
 * {@link AttrPath}); the tree holds no source positions. {@code and}/{@code or} are n-ary: {@code a and b and c} is one
 * {@link And} of three, while {@code a and (b and c)} nests, so the tree keeps the client's grouping, its depth is bounded
 * by the parser's nesting limit, and {@code FilterParser.parse(FilterPrinter.print(f)).equals(f)} holds.
 *
 * <p>Constructors enforce what the grammar guarantees, so a tree built in code prints to a filter that parses back:
 * {@code null} and booleans only with {@code eq}/{@code ne}, substring operators only with strings, value filters only on
 * sub-attribute names.
 */
public sealed interface Filter
        permits Filter.And, Filter.Or, Filter.Not, Filter.Compare, Filter.Present, Filter.ValuePath,
        Filter.AttrExpression {

    static Filter and(Filter... operands) {
        return new And(List.of(operands));
    }

    static Filter or(Filter... operands) {
        return new Or(List.of(operands));
    }

    static Filter not(Filter operand) {
        return new Not(operand);
    }

    static Compare compare(AttrPath path, CompareOp op, FilterValue value) {
        return new Compare(path, op, value);
    }

    static Compare eq(String attribute, String value) {
        return new Compare(AttrPath.of(attribute), CompareOp.EQ, FilterValue.of(value));
    }

    static Present present(String attribute) {
        return new Present(AttrPath.of(attribute));
    }

    /** The two atoms that test one attribute: a comparison or {@code pr}. */
    sealed interface AttrExpression extends Filter permits Compare, Present {
        AttrPath path();
    }

    /** {@code a and b [and c ...]}: all operands hold. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("'and' needs at least two operands");
            }
        }
    }

    /** {@code a or b [or c ...]}: some operand holds. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("'or' needs at least two operands");
            }
        }
    }

    /** {@code not (filter)}. */
    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code path op value}. */
    record Compare(AttrPath path, CompareOp op, FilterValue value) implements AttrExpression, Filter {
        public Compare {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            String problem = literalProblem(op, value);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /**
         * Why {@code op} cannot take {@code value}, or null when it can. RFC 7644 §3.4.2.2: ordering on booleans is an
         * invalidFilter; null has no order and no substrings; co/sw/ew are string matches.
         */
        static String literalProblem(CompareOp op, FilterValue value) {
            if (value instanceof FilterValue.NullValue && op != CompareOp.EQ && op != CompareOp.NE) {
                return "\"" + op.wireName() + "\" cannot compare with null; use \"eq null\", \"ne null\" or \"pr\"";
            }
            if (value instanceof FilterValue.BooleanValue && op != CompareOp.EQ && op != CompareOp.NE) {
                return "\"" + op.wireName() + "\" cannot compare booleans; use \"eq\" or \"ne\"";
            }
            if (op.isSubstring() && !(value instanceof FilterValue.StringValue)) {
                return "\"" + op.wireName() + "\" compares strings; put the value in double quotes";
            }
            return null;
        }
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    record Present(AttrPath path) implements AttrExpression, Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * {@code attribute[filter]}: some element of {@code attribute} satisfies {@code filter}, whose paths are sub-attribute
     * names of that element. With {@code subAttributeExpression}, Entra's form
     * {@code emails[type eq "work"].value eq "x"}: the SAME element must satisfy {@code filter} and the expression on its
     * sub-attribute, which is why this form is kept as written rather than read as two independent conditions.
     *
     * @param attribute              the multi-valued (or complex) attribute, without sub-attribute
     * @param filter                 the value filter; paths are bare sub-attribute names, no nested value paths
     * @param subAttributeExpression the trailing {@code .sub op value} or {@code .sub pr}, or {@code null}
     */
    record ValuePath(AttrPath attribute, Filter filter, AttrExpression subAttributeExpression) implements Filter {
        public ValuePath {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(filter, "filter");
            if (attribute.hasSubAttribute()) {
                throw new IllegalArgumentException("a value path applies to an attribute, not a sub-attribute: " + attribute);
            }
            checkValueFilter(filter);
            if (subAttributeExpression != null && !subAttributeExpression.path().isSimpleName()) {
                throw new IllegalArgumentException("the trailing expression must name a sub-attribute: "
                        + subAttributeExpression.path());
            }
        }

        public ValuePath(AttrPath attribute, Filter filter) {
            this(attribute, filter, null);
        }

        public boolean hasSubAttributeExpression() {
            return subAttributeExpression != null;
        }

        private static void checkValueFilter(Filter filter) {
            switch (filter) {
                case And and -> and.operands().forEach(ValuePath::checkValueFilter);
                case Or or -> or.operands().forEach(ValuePath::checkValueFilter);
                case Not not -> checkValueFilter(not.operand());
                case AttrExpression expression -> {
                    if (!expression.path().isSimpleName()) {
                        throw new IllegalArgumentException("inside a value filter, name a sub-attribute: "
                                + expression.path());
                    }
                }
                case ValuePath nested -> throw new IllegalArgumentException("value filters cannot nest: "
                        + nested.attribute());
            }
        }
    }
}
