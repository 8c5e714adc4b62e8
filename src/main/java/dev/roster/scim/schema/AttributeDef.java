package dev.roster.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute definition of a {@link Schema}, with the characteristics of RFC 7643 §2.2 and §7. Defaults follow §2.2:
 * not required, not case-exact, readWrite, returned by default, no uniqueness, no canonical values.
 *
 * <p>Build definitions with the static factories and the {@code with...}/shortcut methods, which return copies:
 * {@code AttributeDef.string("userName").required(true).uniqueness(Uniqueness.SERVER)}.
 */
public record AttributeDef(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDef> subAttributes,
        String description) {

    /** The sub-attribute that a filter on a complex attribute without a sub-attribute compares (RFC 7644 §3.4.2.2). */
    public static final String VALUE = "value";

    public AttributeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        description = description == null ? "" : description;
        if (!subAttributes.isEmpty() && type != AttributeType.COMPLEX) {
            throw new IllegalArgumentException("only complex attributes have sub-attributes: " + name);
        }
        // RFC 7643 §2.4: complex attributes nest one level only.
        for (AttributeDef sub : subAttributes) {
            if (sub.type == AttributeType.COMPLEX) {
                throw new IllegalArgumentException("a sub-attribute cannot be complex: " + name + "." + sub.name);
            }
        }
    }

    public static AttributeDef of(String name, AttributeType type) {
        return new AttributeDef(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
                Uniqueness.NONE, List.of(), List.of(), List.of(), "");
    }

    public static AttributeDef string(String name) {
        return of(name, AttributeType.STRING);
    }

    public static AttributeDef bool(String name) {
        return of(name, AttributeType.BOOLEAN);
    }

    public static AttributeDef dateTime(String name) {
        return of(name, AttributeType.DATE_TIME);
    }

    /** A reference (RFC 7643 §2.3.7); references are case-exact. */
    public static AttributeDef reference(String name, String... referenceTypes) {
        return of(name, AttributeType.REFERENCE).caseExact(true).referenceTypes(referenceTypes);
    }

    public static AttributeDef complex(String name, AttributeDef... subAttributes) {
        return of(name, AttributeType.COMPLEX).subAttributes(subAttributes);
    }

    public AttributeDef multiValued(boolean value) {
        return new AttributeDef(name, type, value, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef required(boolean value) {
        return new AttributeDef(name, type, multiValued, value, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef caseExact(boolean exact) {
        return new AttributeDef(name, type, multiValued, required, exact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef mutability(Mutability value) {
        return new AttributeDef(name, type, multiValued, required, caseExact, value, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef returned(Returned value) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, value, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef uniqueness(Uniqueness value) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, returned, value,
                canonicalValues, referenceTypes, subAttributes, description);
    }

    public AttributeDef canonicalValues(String... values) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                List.of(values), referenceTypes, subAttributes, description);
    }

    public AttributeDef referenceTypes(String... values) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, List.of(values), subAttributes, description);
    }

    public AttributeDef subAttributes(AttributeDef... values) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, List.of(values), description);
    }

    public AttributeDef description(String value) {
        return new AttributeDef(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, value);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** The sub-attribute with this name, compared case-insensitively (RFC 7643 §2.1). */
    public Optional<AttributeDef> subAttribute(String subName) {
        for (AttributeDef sub : subAttributes) {
            if (Names.equalsIgnoreCase(sub.name, subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }
}
