package dev.roster.scim.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): its name, endpoint, core schema and extension schemas, and the resolution of attribute
 * paths against them. Resolution is pure and case-insensitive; it never throws for an unknown name.
 */
public record ResourceType(String name, String endpoint, Schema schema, List<Schema> extensions) {

    public ResourceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(schema, "schema");
        extensions = List.copyOf(extensions);
    }

    public ResourceType withExtension(Schema extension) {
        if (schema.hasId(extension.id()) || extension(extension.id()).isPresent()) {
            throw new IllegalArgumentException(name + " already has schema " + extension.id());
        }
        List<Schema> all = new ArrayList<>(extensions);
        all.add(extension);
        return new ResourceType(name, endpoint, schema, all);
    }

    public Optional<Schema> extension(String schemaId) {
        for (Schema extension : extensions) {
            if (extension.hasId(schemaId)) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves {@code [schemaUrn:]name[.subAttribute]}, every part case-insensitively (RFC 7643 §2.1).
     * <ul>
     *   <li>With a URN: the core schema (and the common attributes, §3.1) or the named extension.</li>
     *   <li>Without a URN: the common attributes, then the core schema (RFC 7644 §3.10), then, as a convenience the RFC does
     *   not require, each extension in registration order, so {@code manager eq "id"} (Entra's legacy R-23 query) finds the
     *   enterprise manager.</li>
     *   <li>Entra's legacy dot form {@code urn:...:enterprise:2.0:User.department} (Q17) reads as a URN
     *   {@code urn:...:enterprise:2.0}, attribute {@code User}, sub-attribute {@code department}; when that URN names no
     *   schema but URN + ":" + attribute does, the sub-attribute is taken as the attribute of that schema.</li>
     * </ul>
     *
     * @return the resolution, or empty when the path names nothing this resource type defines
     */
    public Optional<ResolvedAttribute> resolve(String schemaUrn, String attributeName, String subAttributeName) {
        if (schemaUrn == null) {
            Optional<ResolvedAttribute> found = inCore(attributeName, subAttributeName);
            for (int i = 0; found.isEmpty() && i < extensions.size(); i++) {
                found = inSchema(extensions.get(i), attributeName, subAttributeName);
            }
            return found;
        }
        if (schema.hasId(schemaUrn)) {
            return inCore(attributeName, subAttributeName);
        }
        Optional<Schema> extension = extension(schemaUrn);
        if (extension.isPresent()) {
            return inSchema(extension.get(), attributeName, subAttributeName);
        }
        if (subAttributeName != null) {
            String legacyUrn = schemaUrn + ":" + attributeName;
            if (schema.hasId(legacyUrn)) {
                return inCore(subAttributeName, null);
            }
            return extension(legacyUrn).flatMap(ext -> inSchema(ext, subAttributeName, null));
        }
        return Optional.empty();
    }

    private Optional<ResolvedAttribute> inCore(String attributeName, String subAttributeName) {
        for (AttributeDef common : CoreSchemas.COMMON_ATTRIBUTES) {
            if (Names.equalsIgnoreCase(common.name(), attributeName)) {
                return withSub(schema.id(), false, common, subAttributeName);
            }
        }
        return schema.attribute(attributeName).flatMap(def -> withSub(schema.id(), false, def, subAttributeName));
    }

    private static Optional<ResolvedAttribute> inSchema(Schema extension, String attributeName, String subAttributeName) {
        return extension.attribute(attributeName).flatMap(def -> withSub(extension.id(), true, def, subAttributeName));
    }

    private static Optional<ResolvedAttribute> withSub(String schemaId, boolean extension, AttributeDef def,
            String subAttributeName) {
        if (subAttributeName == null) {
            return Optional.of(new ResolvedAttribute(schemaId, extension, def, null));
        }
        return def.subAttribute(subAttributeName).map(sub -> new ResolvedAttribute(schemaId, extension, def, sub));
    }
}
