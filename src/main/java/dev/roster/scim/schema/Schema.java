package dev.roster.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema (RFC 7643 §7): its URN {@code id}, a name, a description and its top-level attributes. The common attributes
 * {@code id}, {@code externalId} and {@code meta} (§3.1) are not part of any schema; {@link ResourceType} adds them.
 */
public record Schema(String id, String name, String description, List<AttributeDef> attributes) {

    public Schema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        attributes = List.copyOf(attributes);
        for (int i = 0; i < attributes.size(); i++) {
            for (int j = i + 1; j < attributes.size(); j++) {
                if (Names.equalsIgnoreCase(attributes.get(i).name(), attributes.get(j).name())) {
                    throw new IllegalArgumentException(id + " defines " + attributes.get(i).name() + " twice");
                }
            }
        }
    }

    public static Schema of(String id, String name, String description, AttributeDef... attributes) {
        return new Schema(id, name, description, List.of(attributes));
    }

    /** The top-level attribute with this name, compared case-insensitively (RFC 7643 §2.1). */
    public Optional<AttributeDef> attribute(String attributeName) {
        for (AttributeDef attribute : attributes) {
            if (Names.equalsIgnoreCase(attribute.name(), attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** Schema URIs are compared case-insensitively, as attribute names are (RFC 7643 §2.1, RFC 7644 §3.10). */
    public boolean hasId(String uri) {
        return Names.equalsIgnoreCase(id, uri);
    }
}
