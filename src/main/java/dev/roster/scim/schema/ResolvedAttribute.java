package dev.roster.scim.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * What an attribute path names in a resource type: the schema that holds it, the attribute and, for {@code name.givenName},
 * the sub-attribute. Extension attributes live in the resource under their schema URN (RFC 7643 §3.3); core and common
 * attributes at the top level.
 *
 * @param schemaId     the core schema id for core and common attributes, the extension's id otherwise
 * @param extension    whether the attribute lives under {@code schemaId} in the JSON resource
 * @param attribute    the top-level attribute
 * @param subAttribute the sub-attribute, or {@code null} when the path names the attribute itself
 */
public record ResolvedAttribute(String schemaId, boolean extension, AttributeDef attribute, AttributeDef subAttribute) {

    public ResolvedAttribute {
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(attribute, "attribute");
    }

    public Optional<AttributeDef> sub() {
        return Optional.ofNullable(subAttribute);
    }

    /** The definition the path ends at: the sub-attribute when there is one, else the attribute. */
    public AttributeDef target() {
        return subAttribute != null ? subAttribute : attribute;
    }
}
