package dev.roster.scim.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A comparison value, RFC 7644 §3.4.2.2: {@code compValue = false / null / true / number / string}, with JSON's rules
 * (RFC 8259). A dateTime is a JSON string; {@link StringValue#asInstant()} reads it as an xsd:dateTime when the attribute
 * compared is a dateTime (RFC 7643 §2.3.5).
 *
 * <p>Numbers keep their {@link BigDecimal} form, scale included, so that {@code 1.50} prints back as {@code 1.50}; numeric
 * comparison ignores scale.
 */
public sealed interface FilterValue {

    NullValue NULL = new NullValue();
    BooleanValue TRUE = new BooleanValue(true);
    BooleanValue FALSE = new BooleanValue(false);

    static StringValue of(String value) {
        return new StringValue(value);
    }

    static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static NumberValue of(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static NumberValue of(BigDecimal value) {
        return new NumberValue(value);
    }

    /** The value as text, the way a string attribute compares against a number or boolean literal. */
    String asText();

    record StringValue(String value) implements FilterValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        /** The value read as an xsd:dateTime (RFC 7643 §2.3.5), or empty when it is not one. */
        public Optional<Instant> asInstant() {
            return DateTimes.parse(value);
        }

        @Override
        public String asText() {
            return value;
        }
    }

    record NumberValue(BigDecimal value) implements FilterValue {
        public NumberValue {
            Objects.requireNonNull(value, "value");
        }

        /** Whether the number has no fractional part (it may still be written with an exponent). */
        public boolean isInteger() {
            return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }

        /** The JSON text of the number: {@link BigDecimal#toString()}, which parses back to an equal BigDecimal. */
        @Override
        public String asText() {
            return value.toString();
        }
    }

    record BooleanValue(boolean value) implements FilterValue {
        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }

    record NullValue() implements FilterValue {
        @Override
        public String asText() {
            return "null";
        }
    }
}
