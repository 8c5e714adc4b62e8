package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one PATCH request: the working copy of the document and the folded membership change. Routes each
 * operation to the editor for its target, and spreads a pathless value over its attributes (RFC 7644 §3.5.2.1 and
 * §3.5.2.3: "the target location is assumed to be the resource itself").
 */
final class DocumentEditor {

    private final ResourceType type;
    private final TargetResolver resolver;
    private final AttributeEditor attributes;
    private final UnregisteredEditor unregistered;
    private final MembershipEditor members = new MembershipEditor();

    DocumentEditor(ResourceType type, ObjectNode document) {
        this.type = type;
        this.resolver = new TargetResolver(type);
        this.attributes = new AttributeEditor(document, new FilterEvaluator(type));
        this.unregistered = new UnregisteredEditor(document);
        if (type.name().equalsIgnoreCase(SchemaRegistry.GROUP)) {
            document.remove("members"); // memberships live in their table, never in the document (docs/architecture.md)
        }
    }

    void apply(PatchOp op) {
        Kind kind = Kind.of(op);
        if (op.path() == null) {
            pathless(kind, op.value());
        } else {
            apply(kind, resolver.resolve(op.path()), op.value(), false);
        }
    }

    MembershipChange members() {
        return members.build();
    }

    private void apply(Kind kind, Target target, JsonNode value, boolean pathless) {
        switch (target) {
            case Target.Attribute attribute -> attributes.apply(kind, attribute, value, pathless);
            case Target.Members memberTarget -> members.apply(kind, memberTarget, value);
            case Target.Unregistered data -> unregistered.apply(kind, data, value);
            case Target.SchemaObject schema -> schemaObject(kind, schema, value);
            case Target.UnregisteredObject data -> {
                if (kind == Kind.REMOVE) {
                    unregistered.clear(data.urn());
                } else {
                    unregisteredObject(kind, data.urn(), value);
                }
            }
        }
    }

    /** A path naming a whole schema acts on its attributes as a pathless value would. */
    private void schemaObject(Kind kind, Target.SchemaObject target, JsonNode value) {
        if (kind == Kind.REMOVE && target.core()) {
            throw ScimException.invalidPath("the core schema " + target.schema().id() + " cannot be removed; remove"
                    + " its attributes one by one");
        }
        if (kind == Kind.REMOVE) {
            extension(Kind.REPLACE, target.schema(), NullNode.getInstance());
        } else if (target.core()) {
            pathless(kind, value);
        } else {
            extension(kind, target.schema(), value);
        }
    }

    private void pathless(Kind kind, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("an operation without a \"path\" needs an object whose members are the"
                    + " attributes to set, such as {\"displayName\": \"Babs Jensen\"}; found "
                    + AttributeValues.describe(value));
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            pathlessMember(kind, member.getKey(), member.getValue());
        }
    }

    /**
     * One member of a pathless value: a core or common attribute, a registered extension's object, or an unregistered
     * extension's object (stored as received). Anything else, and read-only attributes, are ignored (Entra, Q12).
     */
    private void pathlessMember(Kind kind, String key, JsonNode value) {
        if (key.equalsIgnoreCase(SchemasAttribute.NAME)) {
            return; // derived from the extension objects present
        }
        if (type.schema().hasId(key)) {
            if (value.isObject()) {
                pathless(kind, value);
            }
            return;
        }
        Optional<Schema> extension = resolver.extension(key);
        if (extension.isPresent()) {
            extension(kind, extension.get(), value);
            return;
        }
        Optional<ResolvedAttribute> core = resolver.coreAttribute(key);
        if (core.isPresent()) {
            apply(kind, target(core.get()), value, true);
        } else if (SchemasAttribute.isUnregisteredExtensionKey(type, key) && value.isObject()) {
            unregisteredObject(kind, key, value);
        }
    }

    private void extension(Kind kind, Schema schema, JsonNode value) {
        if (AttributeValues.isUnassigned(value)) {
            if (kind == Kind.REPLACE) {
                for (AttributeDef attribute : schema.attributes()) {
                    apply(kind, target(new ResolvedAttribute(schema.id(), true, attribute, null)), value, true);
                }
            }
            return;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("\"" + schema.id() + "\" must be an object of that extension's"
                    + " attributes; found " + AttributeValues.describe(value));
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            Optional<AttributeDef> attribute = schema.attribute(member.getKey());
            if (attribute.isPresent()) {
                ResolvedAttribute resolved = new ResolvedAttribute(schema.id(), true, attribute.get(), null);
                apply(kind, target(resolved), member.getValue(), true);
            }
        }
    }

    private void unregisteredObject(Kind kind, String urn, JsonNode value) {
        if (AttributeValues.isUnassigned(value)) {
            if (kind == Kind.REPLACE) {
                unregistered.clear(urn);
            }
            return;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                unregistered.apply(kind, new Target.Unregistered(urn, member.getKey(), null), member.getValue());
            }
        }
    }

    private Target target(ResolvedAttribute resolved) {
        AttributeDef attribute = resolved.attribute();
        if (resolver.isGroupMembers(resolved)) {
            return new Target.Members(null, null);
        }
        String label = resolved.extension() ? resolved.schemaId() + ":" + attribute.name() : attribute.name();
        AttrPath path = AttrPath.qualified(resolved.extension() ? resolved.schemaId() : null, attribute.name(), null);
        return new Target.Attribute(resolved, path, null, null, label);
    }
}
