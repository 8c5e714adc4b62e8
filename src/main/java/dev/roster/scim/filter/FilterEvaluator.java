package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates filters in memory against JSON resources of one resource type, with the semantics of RFC 7644 §3.4.2.2:
 * <ul>
 *   <li>Every comparison asks whether SOME present value of the attribute satisfies it: a multi-valued attribute matches
 *   when any value does; an absent attribute (missing, null, "", [], {}) satisfies no comparison, so
 *   {@code title ne "x"} does not match a user without a title.</li>
 *   <li>{@code eq null} matches exactly when the attribute is absent, {@code ne null} and {@code pr} when it is present.</li>
 *   <li>A complex attribute compared without a sub-attribute compares its {@code value} sub-attribute
 *   ({@code emails co "@x"}, {@code manager eq "id"}); {@code pr} tests the attribute as a whole.</li>
 *   <li>Inside a value path, one element must satisfy the whole value filter and any trailing sub-attribute expression.</li>
 *   <li>Values are coerced and checked by {@link Comparand}: caseExact, ordering of strings, numbers and dateTimes, and the
 *   combinations that are an invalidFilter (ordering booleans, co/sw/ew on non-strings, a dateTime that is not one).</li>
 *   <li>Attributes the resource type does not define are absent: they match only {@code eq null} and never throw.</li>
 * </ul>
 * Type errors are reported when a filter is compiled, for the whole filter, whatever the data: the same filter fails or
 * passes the same way on every resource. Immutable and thread-safe.
 */
public final class FilterEvaluator {

    private final ResourceType resourceType;

    public FilterEvaluator(ResourceType resourceType) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
    }

    public ResourceType resourceType() {
        return resourceType;
    }

    /**
     * Binds {@code filter} to this resource type.
     *
     * @throws ScimException invalidFilter when a comparison does not fit its attribute's type
     */
    public CompiledFilter compile(Filter filter) {
        return new CompiledFilter(filter, resourceLevel(filter));
    }

    /** {@code compile(filter).matches(resource)}; for many resources, compile once. */
    public boolean matches(Filter filter, JsonNode resource) {
        return compile(filter).matches(resource);
    }

    /**
     * Binds a value filter to the elements of the multi-valued {@code attribute}, for the PATCH engine: the result tests one
     * element, as {@code members[value eq "id"]} or {@code emails[type eq "work"]} select elements (RFC 7644 §3.5.2).
     * Sub-attributes the attribute does not define are absent; an attribute the resource type does not define has no
     * known sub-attributes.
     *
     * @throws ScimException invalidFilter when {@code attribute} is defined but not complex, or a comparison does not fit
     */
    public CompiledFilter compileElementFilter(AttrPath attribute, Filter valueFilter) {
        Optional<AttributeDef> parent = attribute.resolveIn(resourceType).map(ResolvedAttribute::target);
        parent.ifPresent(def -> requireComplex(attribute, def));
        return new CompiledFilter(valueFilter, elementLevel(valueFilter, parent.orElse(null)));
    }

    /** Whether one {@code element} of the multi-valued {@code attribute} satisfies {@code valueFilter}. */
    public boolean matchesElement(AttrPath attribute, Filter valueFilter, JsonNode element) {
        return compileElementFilter(attribute, valueFilter).matches(element);
    }

    // ---- resource level -------------------------------------------------------------------------------------------

    private Matcher resourceLevel(Filter filter) {
        return switch (filter) {
            case Filter.And and -> new Matcher.All(map(and.operands(), this::resourceLevel));
            case Filter.Or or -> new Matcher.Any(map(or.operands(), this::resourceLevel));
            case Filter.Not not -> new Matcher.Negate(resourceLevel(not.operand()));
            case Filter.Present present -> present.path().resolveIn(resourceType)
                    .<Matcher>map(resolved -> new Matcher.IsPresent(locator(resolved, present.path())))
                    .orElse(new Matcher.Constant(false));
            case Filter.Compare compare -> compare.path().resolveIn(resourceType)
                    .map(resolved -> compareAttribute(compare, resolved))
                    .orElse(absent(compare));
            case Filter.ValuePath valuePath -> valuePath(valuePath);
        };
    }

    private Matcher compareAttribute(Filter.Compare compare, ResolvedAttribute resolved) {
        AttrPath path = compare.path();
        AttributeDef target = resolved.target();
        Matcher.Locator locator = locator(resolved, path);
        if (target.isComplex() && !(compare.value() instanceof FilterValue.NullValue)) {
            // RFC 7644 §3.4.2.2: a complex attribute without a sub-attribute compares its "value" sub-attribute.
            Optional<AttributeDef> value = target.subAttribute(AttributeDef.VALUE);
            if (value.isPresent()) {
                target = value.get();
                path = path.child(value.get().name());
                locator = new Matcher.Locator(locator.container(), locator.attribute(), value.get().name());
            }
        }
        return comparison(path, target, compare.op(), compare.value(), locator);
    }

    private Matcher valuePath(Filter.ValuePath valuePath) {
        Optional<ResolvedAttribute> resolved = valuePath.attribute().resolveIn(resourceType);
        if (resolved.isEmpty()) {
            return new Matcher.Constant(false);
        }
        AttributeDef parent = resolved.get().target();
        requireComplex(valuePath.attribute(), parent);
        Matcher element = elementLevel(valuePath.filter(), parent);
        if (valuePath.subAttributeExpression() != null) {
            element = new Matcher.All(List.of(element, elementLevel(valuePath.subAttributeExpression(), parent)));
        }
        return new Matcher.AnyElement(locator(resolved.get(), valuePath.attribute()), element);
    }

    // ---- element level (inside a value path) ----------------------------------------------------------------------

    /** Compiles a value filter whose paths name sub-attributes of {@code parent} (null: an unknown attribute). */
    private Matcher elementLevel(Filter filter, AttributeDef parent) {
        return switch (filter) {
            case Filter.And and -> new Matcher.All(map(and.operands(), f -> elementLevel(f, parent)));
            case Filter.Or or -> new Matcher.Any(map(or.operands(), f -> elementLevel(f, parent)));
            case Filter.Not not -> new Matcher.Negate(elementLevel(not.operand(), parent));
            case Filter.Present present -> sub(parent, present.path())
                    .<Matcher>map(def -> new Matcher.IsPresent(new Matcher.Locator(null, def.name(), null)))
                    .orElse(new Matcher.Constant(false));
            case Filter.Compare compare -> sub(parent, compare.path())
                    .map(def -> comparison(compare.path(), def, compare.op(), compare.value(),
                            new Matcher.Locator(null, def.name(), null)))
                    .orElse(absent(compare));
            case Filter.ValuePath nested -> throw ScimException.invalidFilter("value filters cannot be nested: \""
                    + nested.attribute() + "\"");
        };
    }

    private static Optional<AttributeDef> sub(AttributeDef parent, AttrPath path) {
        return parent == null || !path.isSimpleName() ? Optional.empty() : parent.subAttribute(path.name());
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    private static Matcher comparison(AttrPath path, AttributeDef target, CompareOp op, FilterValue value,
            Matcher.Locator locator) {
        Comparand comparand = Comparand.of(path, target, op, value);
        if (comparand instanceof Comparand.Null) {
            Matcher present = new Matcher.IsPresent(locator);
            return op == CompareOp.EQ ? new Matcher.Negate(present) : present;
        }
        return new Matcher.HasValue(locator, ValueTest.of(op, comparand));
    }

    /** An attribute nobody defined is absent: only {@code eq null} holds (RFC 7644 §3.4.2.2, never an error). */
    private static Matcher absent(Filter.Compare compare) {
        return new Matcher.Constant(compare.op() == CompareOp.EQ && compare.value() instanceof FilterValue.NullValue);
    }

    private static Matcher.Locator locator(ResolvedAttribute resolved, AttrPath path) {
        return new Matcher.Locator(resolved.extension() ? resolved.schemaId() : null, resolved.attribute().name(),
                resolved.sub().map(AttributeDef::name).orElse(null));
    }

    private static void requireComplex(AttrPath attribute, AttributeDef def) {
        if (!def.isComplex()) {
            throw ScimException.invalidFilter("\"" + attribute + "\" is a " + def.type().wireName()
                    + " attribute; value filters such as emails[type eq \"work\"] apply to complex attributes");
        }
    }

    private static <T> List<Matcher> map(List<T> items, java.util.function.Function<T, Matcher> mapper) {
        List<Matcher> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(mapper.apply(item));
        }
        return List.copyOf(out);
    }
}
