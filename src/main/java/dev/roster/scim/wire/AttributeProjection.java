package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathParser;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Returned;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 §3.9) applied to a resource document. With
 * {@code attributes}, only the named attributes (and those returned "always": {@code id}, {@code schemas}) are kept; with
 * {@code excludedAttributes}, the named ones are dropped unless returned "always". Names resolve case-insensitively,
 * with or without their schema URN; names that resolve to nothing are ignored, as the RFC allows.
 */
public final class AttributeProjection {

    private static final AttributeProjection ALL = new AttributeProjection(null, List.of(), List.of());

    private final ResourceType type;
    private final List<Target> included;
    private final List<Target> excluded;

    private AttributeProjection(ResourceType type, List<Target> included, List<Target> excluded) {
        this.type = type;
        this.included = included;
        this.excluded = excluded;
    }

    /** Where an attribute lives in a document: under its extension URN or at the top, with an optional sub-attribute. */
    private record Target(String extensionUrn, String attribute, String subAttribute, boolean always) {
    }

    public static AttributeProjection all() {
        return ALL;
    }

    public static AttributeProjection of(ResourceType type, List<String> attributes, List<String> excludedAttributes) {
        if (attributes.isEmpty() && excludedAttributes.isEmpty()) {
            return ALL;
        }
        return new AttributeProjection(type, resolve(type, attributes), resolve(type, excludedAttributes));
    }

    /** Whether a top-level attribute (core name, schema spelling) appears in the answer; lets callers skip loading it. */
    public boolean includes(String attribute) {
        if (this == ALL) {
            return true;
        }
        if (!included.isEmpty()) {
            return included.stream().anyMatch(t -> t.extensionUrn() == null && t.attribute().equalsIgnoreCase(attribute));
        }
        return excluded.stream().noneMatch(t -> t.extensionUrn() == null && t.subAttribute() == null
                && !t.always() && t.attribute().equalsIgnoreCase(attribute));
    }

    /** Applies the projection to a complete resource (which it may modify and returns). */
    public ObjectNode apply(ObjectNode resource) {
        if (this == ALL) {
            return resource;
        }
        if (!included.isEmpty()) {
            return keepOnly(resource);
        }
        for (Target target : excluded) {
            if (!target.always()) {
                remove(resource, target);
            }
        }
        return resource;
    }

    private ObjectNode keepOnly(ObjectNode resource) {
        ObjectNode kept = resource.objectNode();
        copyIfPresent(resource, kept, "schemas");
        copyIfPresent(resource, kept, "id");
        for (Target target : included) {
            ObjectNode from = target.extensionUrn() == null ? resource : objectAt(resource, target.extensionUrn());
            if (from == null) {
                continue;
            }
            ObjectNode to = target.extensionUrn() == null ? kept : kept.with(target.extensionUrn());
            JsonNode value = JsonFields.get(from, target.attribute());
            if (value == null) {
                continue;
            }
            String key = JsonFields.key(from, target.attribute());
            if (target.subAttribute() == null) {
                to.set(key, value.deepCopy());
            } else {
                JsonNode narrowed = narrow(value, target.subAttribute());
                if (narrowed != null) {
                    to.set(key, narrowed);
                }
            }
        }
        return kept;
    }

    private static void remove(ObjectNode resource, Target target) {
        ObjectNode container = target.extensionUrn() == null ? resource : objectAt(resource, target.extensionUrn());
        if (container == null) {
            return;
        }
        String key = JsonFields.key(container, target.attribute());
        if (key == null) {
            return;
        }
        if (target.subAttribute() == null) {
            container.remove(key);
            return;
        }
        JsonNode value = container.get(key);
        if (value instanceof ObjectNode object) {
            JsonFields.remove(object, target.subAttribute());
        } else if (value != null && value.isArray()) {
            value.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    JsonFields.remove(object, target.subAttribute());
                }
            });
        }
    }

    /** The sub-attribute of a complex value, or of each element of a multi-valued one. */
    private static JsonNode narrow(JsonNode value, String sub) {
        if (value instanceof ObjectNode object) {
            JsonNode subValue = JsonFields.get(object, sub);
            if (subValue == null) {
                return null;
            }
            ObjectNode narrowed = object.objectNode();
            narrowed.set(JsonFields.key(object, sub), subValue.deepCopy());
            return narrowed;
        }
        if (value.isArray()) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                JsonNode narrowed = narrow(element, sub);
                if (narrowed != null) {
                    kept.add(narrowed);
                }
            }
            return kept;
        }
        return null;
    }

    private static List<Target> resolve(ResourceType type, List<String> names) {
        List<Target> targets = new ArrayList<>();
        for (String name : names) {
            var wholeExtension = type.extension(name);
            if (wholeExtension.isPresent()) {
                // A whole extension named by its URN, e.g. excludedAttributes=urn:...:enterprise:2.0:User.
                targets.add(new Target(null, wholeExtension.get().id(), null, false));
                continue;
            }
            AttrPath path = PathParser.parseAttrPath(name);
            type.resolve(path.schema(), path.name(), path.subAttribute()).ifPresent(r -> targets.add(target(r)));
        }
        return List.copyOf(targets);
    }

    private static Target target(ResolvedAttribute resolved) {
        AttributeDef attribute = resolved.attribute();
        AttributeDef sub = resolved.subAttribute();
        boolean always = (sub == null ? attribute : sub).returned() == Returned.ALWAYS;
        return new Target(resolved.extension() ? resolved.schemaId() : null, attribute.name(),
                sub == null ? null : sub.name(), always);
    }

    private static ObjectNode objectAt(ObjectNode resource, String key) {
        JsonNode value = JsonFields.get(resource, key);
        return value instanceof ObjectNode object ? object : null;
    }

    private static void copyIfPresent(ObjectNode from, ObjectNode to, String key) {
        JsonNode value = from.get(key);
        if (value != null) {
            to.set(key, value.deepCopy());
        }
    }

}
