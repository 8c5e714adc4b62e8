package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A filter bound to a resource type by {@link FilterEvaluator}: paths resolved and values coerced once, type errors already
 * reported, so {@link #matches(JsonNode)} only reads JSON and never throws. Immutable and thread-safe.
 */
public final class CompiledFilter implements Predicate<JsonNode> {

    private final Filter filter;
    private final Matcher matcher;

    CompiledFilter(Filter filter, Matcher matcher) {
        this.filter = Objects.requireNonNull(filter);
        this.matcher = Objects.requireNonNull(matcher);
    }

    public Filter filter() {
        return filter;
    }

    /** Whether {@code node} (a resource, or for an element filter one element) satisfies the filter. */
    public boolean matches(JsonNode node) {
        return node != null && matcher.test(node);
    }

    @Override
    public boolean test(JsonNode node) {
        return matches(node);
    }

    @Override
    public String toString() {
        return FilterPrinter.print(filter);
    }
}
