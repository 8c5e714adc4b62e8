package dev.roster.scim.patch;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.Optional;

/**
 * Resolves PATCH paths against a resource type. Strict where the tenant's schemas speak (RFC 7644 §3.5.2: a path that names
 * no attribute is an invalidPath), lenient for extensions the tenant has not registered, whose data is stored as received
 * (docs/entra.md, Q11).
 */
final class TargetResolver {

    private final ResourceType type;

    TargetResolver(ResourceType type) {
        this.type = type;
    }

    Target resolve(PatchPath path) {
        AttrPath attribute = path.attribute();
        Optional<Target> schemaObject = schemaObject(path);
        if (schemaObject.isPresent()) {
            return schemaObject.get();
        }
        Optional<ResolvedAttribute> resolved = type.resolve(attribute.schema(), attribute.name(), attribute.subAttribute());
        if (resolved.isPresent()) {
            return registered(path, resolved.get());
        }
        if (attribute.hasSchema() && !attribute.hasSubAttribute() && !path.hasValueFilter()
                && SchemasAttribute.namesUnregisteredExtension(type, attribute.schema() + ":" + attribute.name())) {
            return new Target.UnregisteredObject(attribute.schema() + ":" + attribute.name());
        }
        if (attribute.hasSchema() && isUnregistered(attribute)) {
            if (path.hasValueFilter()) {
                throw ScimException.invalidPath("\"" + path.excerpt() + "\" filters an attribute of "
                        + attribute.schema() + ", which is not a registered schema; only registered attributes can be"
                        + " filtered");
            }
            return new Target.Unregistered(attribute.schema(), attribute.name(), attribute.subAttribute());
        }
        throw unknown(path);
    }

    /** A registered attribute, or for a Group, its members. */
    Target registered(PatchPath path, ResolvedAttribute resolved) {
        AttributeDef top = resolved.attribute();
        if (isGroupMembers(resolved)) {
            if (resolved.subAttribute() != null) {
                throw ScimException.invalidPath("\"" + path.excerpt() + "\": members are changed whole; add or remove"
                        + " {\"value\": \"<id>\"} with the path \"members\"");
            }
            return new Target.Members(path.valueFilter(), path.filterSubAttribute());
        }
        AttributeDef filterSub = null;
        if (path.filterSubAttribute() != null) {
            filterSub = top.subAttribute(path.filterSubAttribute()).orElseThrow(() -> ScimException.invalidPath(
                    "\"" + path.excerpt() + "\": \"" + top.name() + "\" has no sub-attribute \""
                            + path.filterSubAttribute() + "\"" + subAttributeHint(top)));
        }
        return new Target.Attribute(resolved, path.attribute(), path.valueFilter(), filterSub, path.excerpt());
    }

    boolean isGroupMembers(ResolvedAttribute resolved) {
        return type.name().equalsIgnoreCase(SchemaRegistry.GROUP) && !resolved.extension()
                && resolved.schemaId().equalsIgnoreCase(CoreSchemas.GROUP_ID)
                && resolved.attribute().name().equals("members");
    }

    /** A path that is itself a schema URN: {@code urn:...:enterprise:2.0:User} reads as URN {@code ...:2.0}, name User. */
    private Optional<Target> schemaObject(PatchPath path) {
        AttrPath attribute = path.attribute();
        if (!attribute.hasSchema() || attribute.hasSubAttribute() || path.hasValueFilter()) {
            return Optional.empty();
        }
        String urn = attribute.schema() + ":" + attribute.name();
        if (type.schema().hasId(urn)) {
            return Optional.of(new Target.SchemaObject(type.schema(), true));
        }
        return type.extension(urn).map(schema -> new Target.SchemaObject(schema, false));
    }

    /**
     * Whether the path's URN belongs to no schema of this type, so its data is an unregistered extension's. A URN that
     * with the attribute name appended is a registered schema ({@code urn:...:enterprise:2.0} + {@code User.x}, Entra's
     * legacy dot form, Q17) is registered: an unknown attribute there is an error, not new data.
     */
    private boolean isUnregistered(AttrPath attribute) {
        String urn = attribute.schema();
        return SchemasAttribute.isUnregisteredExtensionKey(type, urn)
                && !type.schema().hasId(urn + ":" + attribute.name())
                && type.extension(urn + ":" + attribute.name()).isEmpty();
    }

    private ScimException unknown(PatchPath path) {
        AttrPath attribute = path.attribute();
        Optional<ResolvedAttribute> parent = type.resolve(attribute.schema(), attribute.name(), null);
        if (parent.isPresent() && attribute.hasSubAttribute()) {
            AttributeDef top = parent.get().attribute();
            return ScimException.invalidPath("\"" + path.excerpt() + "\": \"" + top.name() + "\" has no sub-attribute \""
                    + attribute.subAttribute() + "\"" + subAttributeHint(top));
        }
        if (attribute.hasSchema() && !type.schema().hasId(attribute.schema())) {
            return ScimException.invalidPath("\"" + path.excerpt() + "\" is not an attribute of the schema "
                    + attribute.schema() + "; check the spelling against /Schemas");
        }
        return ScimException.invalidPath("\"" + path.excerpt() + "\" is not a " + type.name() + " attribute; check the"
                + " spelling against /Schemas, or register an extension schema for it");
    }

    private static String subAttributeHint(AttributeDef top) {
        if (top.subAttributes().isEmpty()) {
            return "; it is a " + top.type().wireName() + " attribute";
        }
        StringBuilder names = new StringBuilder("; its sub-attributes are ");
        for (int i = 0; i < top.subAttributes().size(); i++) {
            names.append(i == 0 ? "" : ", ").append(top.subAttributes().get(i).name());
        }
        return names.toString();
    }

    /** A pathless value's member that names a core or common attribute ({@code userName}, {@code externalId}). */
    Optional<ResolvedAttribute> coreAttribute(String name) {
        return type.resolve(type.schema().id(), name, null);
    }

    /** A pathless value's member that names a registered extension ({@code urn:...:enterprise:2.0:User}). */
    Optional<Schema> extension(String urn) {
        return type.extension(urn);
    }

    ResourceType type() {
        return type;
    }
}
