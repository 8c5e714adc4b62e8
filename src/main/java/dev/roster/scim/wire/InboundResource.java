package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathParser;
import dev.roster.scim.patch.MemberRef;
import dev.roster.scim.patch.MemberRefs;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.schema.SchemasAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises a POST or PUT body (RFC 7644 §3.3, §3.5.1) into the document Roster stores, accepting what Entra sends
 * loosely (README, "SCIM", "Writes"; docs/entra.md, Q2, Q11, Q12):
 * <ul>
 *   <li>Attribute names match case-insensitively and are stored in the schema's spelling; core attributes at the top,
 *   extension attributes inside their URN's object.</li>
 *   <li>Extension objects count whether or not {@code schemas} lists them (Q11); {@code schemas} is derived from the
 *   objects present, so Microsoft's {@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group}
 *   which names no schema Roster serves, is dropped rather than echoed.</li>
 *   <li>Top-level keys that are attribute paths are folded into place: {@code "urn:...:enterprise:2.0:User:department"},
 *   Entra's legacy {@code "urn:...:enterprise:2.0:User.department"} (Q17) and {@code "name.givenName"} (Q5).</li>
 *   <li>Read-only attributes ({@code id}, {@code meta}, {@code groups}) are ignored (RFC 7644 §3.5.1), and so are unknown
 *   attributes (Q12); {@code password} is accepted and never stored (README, "SCIM").</li>
 *   <li>Values are checked and coerced by {@link AttributeValues}: "True"/"False" booleans (Q2), the manager as a bare id or
 *   a one-element array, stored as {@code {"value": id}} (Q10); strings are kept exactly as received.</li>
 *   <li>Objects under {@code urn:} keys that name no registered schema are stored as received
 *   (docs/entra.md, Q11).</li>
 *   <li>Required attributes must be present ({@code userName}, a Group's {@code displayName}).</li>
 *   <li>A Group's {@code members} are returned apart from the document: memberships live in their own table.</li>
 * </ul>
 * The body is bounded by {@link JsonBounds} before anything else reads it.
 */
public final class InboundResource {

    /** Whether the body creates a resource (POST) or replaces one (PUT). */
    public enum Mode {
        CREATE,
        /**
         * RFC 7644 §3.5.1 lets a server take omitted attributes as "not asserted". Roster does so for a Group's members
         * only: a PUT that leaves out {@code members} keeps them, since wiping 100,000 memberships because a client sent
         * just a new displayName would be a disaster; {@code "members": []} removes them all.
         */
        REPLACE
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private InboundResource() {
    }

    /**
     * @throws ScimException invalidSyntax when the body is not an object; invalidValue for a type error, a missing required
     *                       attribute or a body beyond the bounds
     */
    public static NormalizedResource normalize(ResourceType type, JsonNode body, Mode mode) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("the request body must be a JSON object representing a " + type.name()
                    + "; found " + AttributeValues.describe(body));
        }
        JsonBounds.check(body, type.name());
        Builder builder = new Builder(type);
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            builder.member(member.getKey(), member.getValue());
        }
        ObjectNode document = builder.document;
        requireAttributes(type, document);
        SchemasAttribute.sync(type, document);
        boolean asserted = mode == Mode.CREATE || builder.membersSent;
        return new NormalizedResource(document, builder.members(), asserted);
    }

    /** Walks the body's members into the document. */
    private static final class Builder {

        private final ResourceType type;
        private final ObjectNode document = JSON.objectNode();
        private final Map<String, MemberRef> members = new LinkedHashMap<>();
        private boolean membersSent;

        Builder(ResourceType type) {
            this.type = type;
        }

        void member(String key, JsonNode value) {
            if (key.equalsIgnoreCase(SchemasAttribute.NAME)) {
                return;
            }
            Optional<Schema> extension = type.extension(key);
            if (extension.isPresent()) {
                extensionObject(extension.get(), value);
                return;
            }
            Optional<ResolvedAttribute> core = type.resolve(type.schema().id(), key, null);
            if (core.isPresent()) {
                attribute(core.get(), value, core.get().attribute().name());
            } else if (key.indexOf('.') >= 0 || key.indexOf(':') >= 0) {
                pathKey(key, value);
            }
            // anything else is an attribute Roster does not know: ignored (Q12)
        }

        private void extensionObject(Schema extension, JsonNode value) {
            if (AttributeValues.isUnassigned(value)) {
                return;
            }
            if (!value.isObject()) {
                throw ScimException.invalidValue("\"" + extension.id() + "\" must be an object of that extension's"
                        + " attributes; found " + AttributeValues.describe(value));
            }
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                extension.attribute(member.getKey()).ifPresent(def -> attribute(
                        new ResolvedAttribute(extension.id(), true, def, null), member.getValue(),
                        extension.id() + ":" + def.name()));
            }
        }

        /** A registered attribute, or with {@code subAttribute}, one sub-attribute of a single-valued complex one. */
        private void attribute(ResolvedAttribute resolved, JsonNode value, String label) {
            AttributeDef def = resolved.attribute();
            if (isGroupMembers(resolved)) {
                membersSent = true;
                for (MemberRef ref : MemberRefs.parse(value)) {
                    members.putIfAbsent(ref.value().toLowerCase(Locale.ROOT), ref);
                }
                return;
            }
            if (!isStored(def) || resolved.subAttribute() != null && !isStored(resolved.subAttribute())) {
                return;
            }
            ObjectNode container = resolved.extension() ? object(document, resolved.schemaId()) : document;
            if (resolved.subAttribute() == null) {
                JsonNode coerced = AttributeValues.coerce(def, value, label);
                JsonNode earlier = JsonFields.get(container, def.name());
                if (coerced != null && coerced.isObject() && earlier != null && earlier.isObject()) {
                    ((ObjectNode) earlier).setAll((ObjectNode) coerced); // "name.familyName" came before "name"
                } else {
                    putOrRemove(container, def.name(), coerced);
                }
            } else if (!def.multiValued()) {
                AttributeDef sub = resolved.subAttribute();
                ObjectNode parent = object(container, def.name());
                putOrRemove(parent, sub.name(), AttributeValues.coerceSimple(sub, value, label));
                if (parent.isEmpty()) {
                    JsonFields.remove(container, def.name());
                }
            }
            // "emails.value" as a key names no single element: ignored like any other unknown key
        }

        /** A key that is an attribute path: {@code urn:...:User:department}, {@code urn:...:User.department}, {@code name.givenName}. */
        private void pathKey(String key, JsonNode value) {
            AttrPath path = attrPath(key);
            Optional<ResolvedAttribute> resolved = path == null ? Optional.empty()
                    : type.resolve(path.schema(), path.name(), path.subAttribute());
            if (resolved.isPresent()) {
                attribute(resolved.get(), value, key);
            } else if (SchemasAttribute.isUnregisteredExtensionKey(type, key) && value.isObject()) {
                unregisteredObject(key, value);
            } else if (path != null && path.hasSchema()
                    && SchemasAttribute.isUnregisteredExtensionKey(type, path.schema())
                    && !isRegisteredSchema(path.schema() + ":" + path.name())) {
                unregisteredAttribute(path, value);
            }
            // anything else is not a path Roster knows: ignored (Q12)
        }

        private static AttrPath attrPath(String key) {
            try {
                return PathParser.parseAttrPath(key);
            } catch (ScimException e) {
                return null;
            }
        }

        private void unregisteredObject(String urn, JsonNode value) {
            ObjectNode target = object(document, urn);
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                putOrRemove(target, member.getKey(), stored(member.getValue()));
            }
        }

        private void unregisteredAttribute(AttrPath path, JsonNode value) {
            ObjectNode extension = object(document, path.schema());
            if (path.subAttribute() == null) {
                putOrRemove(extension, path.name(), stored(value));
            } else {
                putOrRemove(object(extension, path.name()), path.subAttribute(), stored(value));
            }
        }

        private boolean isRegisteredSchema(String urn) {
            return type.schema().hasId(urn) || type.extension(urn).isPresent();
        }

        private boolean isGroupMembers(ResolvedAttribute resolved) {
            return type.name().equalsIgnoreCase(SchemaRegistry.GROUP) && !resolved.extension()
                    && resolved.schemaId().equalsIgnoreCase(CoreSchemas.GROUP_ID)
                    && resolved.attribute().name().equals("members");
        }

        List<MemberRef> members() {
            return new ArrayList<>(members.values());
        }
    }

    /** Read-only attributes are the server's; write-only ones ({@code password}) are accepted and never stored. */
    private static boolean isStored(AttributeDef def) {
        return def.mutability() != Mutability.READ_ONLY && def.mutability() != Mutability.WRITE_ONLY;
    }

    /** Unregistered data is stored as received; null and "" leave the member out, as for every attribute. */
    private static JsonNode stored(JsonNode value) {
        return AttributeValues.isUnassigned(value) ? null : value.deepCopy();
    }

    private static void requireAttributes(ResourceType type, ObjectNode document) {
        requireAttributes(type.schema(), document, "");
        for (Schema extension : type.extensions()) {
            JsonNode object = JsonFields.get(document, extension.id());
            if (object != null && object.isObject() && !object.isEmpty()) {
                requireAttributes(extension, object, extension.id() + ":");
            }
        }
    }

    private static void requireAttributes(Schema schema, JsonNode object, String prefix) {
        for (AttributeDef def : schema.attributes()) {
            if (def.required() && isStored(def) && AttributeValues.isUnassigned(JsonFields.get(object, def.name()))) {
                throw ScimException.invalidValue("\"" + prefix + def.name() + "\" is required; send it with a"
                        + " non-empty value");
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode existing = JsonFields.get(parent, name);
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        ObjectNode created = JSON.objectNode();
        JsonFields.put(parent, name, created);
        return created;
    }

    private static void putOrRemove(ObjectNode object, String name, JsonNode value) {
        if (value == null) {
            JsonFields.remove(object, name);
        } else {
            JsonFields.put(object, name, value);
        }
    }
}
