package dev.roster.scim.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * A PATCH operation's target, RFC 7644 §3.5.2: {@code PATH = attrPath / valuePath [subAttr]}. Examples:
 * {@code name.familyName} (attribute {@code name.familyName}, no filter); {@code members[value eq "id"]} (attribute
 * {@code members}, a filter); {@code emails[type eq "work"].value} (attribute {@code emails}, a filter, sub-attribute
 * {@code value}).
 *
 * @param attribute    the attribute; with a value filter it has no sub-attribute of its own
 * @param valueFilter  the filter selecting elements, or {@code null}
 * @param subAttribute with a value filter, the sub-attribute of the selected elements, or {@code null}
 */
public record PathExpression(AttrPath attribute, Filter valueFilter, String subAttribute) {

    public PathExpression {
        Objects.requireNonNull(attribute, "attribute");
        if (valueFilter == null && subAttribute != null) {
            throw new IllegalArgumentException("a trailing sub-attribute needs a value filter; use AttrPath.child");
        }
        if (valueFilter != null) {
            new Filter.ValuePath(attribute, valueFilter); // enforces the value filter's shape
        }
        if (subAttribute != null && !AttrPath.isAttributeName(subAttribute)) {
            throw new IllegalArgumentException("not an attribute name: " + subAttribute);
        }
    }

    public static PathExpression of(AttrPath attribute) {
        return new PathExpression(attribute, null, null);
    }

    public boolean hasValueFilter() {
        return valueFilter != null;
    }

    public Optional<Filter> filter() {
        return Optional.ofNullable(valueFilter);
    }

    public Optional<String> sub() {
        return Optional.ofNullable(subAttribute);
    }

    /**
     * The attribute path the operation ends at, ignoring the filter: {@code emails.value} for
     * {@code emails[type eq "work"].value}, {@code members} for {@code members[value eq "id"]}.
     */
    public AttrPath targetAttribute() {
        return subAttribute == null ? attribute : attribute.child(subAttribute);
    }
}
