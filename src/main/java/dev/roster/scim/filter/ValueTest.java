package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.Names;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** One comparison of a single JSON value with a {@link Comparand}, as RFC 7644 §3.4.2.2 Table 3 defines the operators. */
sealed interface ValueTest {

    boolean test(JsonNode value);

    static ValueTest of(CompareOp op, Comparand comparand) {
        return switch (comparand) {
            case Comparand.Text text -> new TextTest(op, text.normalised(), text.caseExact());
            case Comparand.Numeric numeric -> new NumberTest(op, numeric.value());
            case Comparand.Bool bool -> new BooleanTest(op, bool.value());
            case Comparand.Timestamp time -> new TimeTest(op, time.value());
            case Comparand.Null ignored -> throw new IllegalArgumentException("null is a presence test");
        };
    }

    /** Maps a three-way comparison result through an ordering or equality operator. */
    private static boolean holds(CompareOp op, int comparison) {
        return switch (op) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case CO, SW, EW -> false; // never built: Comparand rejects substring operators on non-text types
        };
    }

    record TextTest(CompareOp op, String literal, boolean caseExact) implements ValueTest {
        @Override
        public boolean test(JsonNode value) {
            if (!value.isValueNode() || value.isNull()) {
                return false;
            }
            String text = value.isTextual() ? value.textValue() : value.asText();
            if (!caseExact) {
                text = text.toLowerCase(Locale.ROOT);
            }
            return switch (op) {
                case EQ -> text.equals(literal);
                case NE -> !text.equals(literal);
                case CO -> text.contains(literal);
                case SW -> text.startsWith(literal);
                case EW -> text.endsWith(literal);
                case GT, GE, LT, LE -> holds(op, compareCodePoints(text, literal));
            };
        }

        /** Code-point order, which is also UTF-8 byte order and PostgreSQL's "C" collation. */
        static int compareCodePoints(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Boolean.compare(i < a.length(), j < b.length());
        }
    }

    record NumberTest(CompareOp op, BigDecimal literal) implements ValueTest {
        @Override
        public boolean test(JsonNode value) {
            return number(value).map(n -> holds(op, n.compareTo(literal))).orElse(false);
        }

        private static Optional<BigDecimal> number(JsonNode value) {
            try {
                if (value.isNumber()) {
                    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                        return Optional.empty();
                    }
                    return Optional.of(value.decimalValue());
                }
                if (value.isTextual() && JsonNumbers.isJsonNumber(value.textValue())) {
                    return Optional.of(new BigDecimal(value.textValue()));
                }
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }

    record BooleanTest(CompareOp op, boolean literal) implements ValueTest {
        @Override
        public boolean test(JsonNode value) {
            Boolean actual = null;
            if (value.isBoolean()) {
                actual = value.booleanValue();
            } else if (value.isTextual() && Names.equalsIgnoreCase(value.textValue(), "true")) {
                actual = true; // Entra writes "True"/"False" (Q2); the document keeps what it sent
            } else if (value.isTextual() && Names.equalsIgnoreCase(value.textValue(), "false")) {
                actual = false;
            }
            return actual != null && holds(op, Boolean.compare(actual, literal));
        }
    }

    record TimeTest(CompareOp op, Instant literal) implements ValueTest {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual()
                    && DateTimes.parse(value.textValue()).map(t -> holds(op, t.compareTo(literal))).orElse(false);
        }
    }
}
