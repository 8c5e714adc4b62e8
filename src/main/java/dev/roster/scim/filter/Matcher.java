package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * A compiled filter node: attribute paths already resolved and literals already coerced, so testing a resource only walks
 * JSON. The context is the resource, or one element of a multi-valued attribute inside a value path.
 */
sealed interface Matcher {

    boolean test(JsonNode context);

    record Constant(boolean value) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            return value;
        }
    }

    record All(List<Matcher> operands) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            for (Matcher operand : operands) {
                if (!operand.test(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(List<Matcher> operands) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            for (Matcher operand : operands) {
                if (operand.test(context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Negate(Matcher operand) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            return !operand.test(context);
        }
    }

    /** Some present value at {@code locator} passes {@code test}: "any value matches" (RFC 7644 §3.4.2.2). */
    record HasValue(Locator locator, ValueTest test) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            return locator.anyValue(context, value -> JsonValues.isPresent(value) && test.test(value));
        }
    }

    /** Some value at {@code locator} is present: {@code pr}, {@code ne null}. */
    record IsPresent(Locator locator) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            return locator.anyValue(context, JsonValues::isPresent);
        }
    }

    /** Some element at {@code locator} satisfies {@code element}, all of it on that one element (a value path). */
    record AnyElement(Locator locator, Matcher element) implements Matcher {
        @Override
        public boolean test(JsonNode context) {
            return locator.anyValue(context, value -> value.isObject() && element.test(value));
        }
    }

    /**
     * Where an attribute's values live in a context: under {@code container} (an extension URN) when set, at member
     * {@code attribute}, and at member {@code subAttribute} of each of its elements when set. Arrays are flattened, so a
     * predicate sees each value of a multi-valued attribute.
     */
    record Locator(String container, String attribute, String subAttribute) {

        boolean anyValue(JsonNode context, Predicate<JsonNode> predicate) {
            JsonNode scope = container == null ? context : JsonValues.field(context, container);
            JsonNode node = JsonValues.field(scope, attribute);
            if (node == null) {
                return false;
            }
            if (subAttribute == null) {
                return anyOf(node, predicate);
            }
            return anyOf(node, element -> {
                JsonNode sub = JsonValues.field(element, subAttribute);
                return sub != null && anyOf(sub, predicate);
            });
        }

        private static boolean anyOf(JsonNode node, Predicate<JsonNode> predicate) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    if (predicate.test(element)) {
                        return true;
                    }
                }
                return false;
            }
            return predicate.test(node);
        }
    }
}
