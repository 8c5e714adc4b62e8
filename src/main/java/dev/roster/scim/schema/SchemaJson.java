package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes schemas and resource types as the discovery resources of RFC 7643 §6 and §7. Nulls are omitted and characteristic
 * values use their camelCase wire names, which is what Entra's Schema Discovery parses (docs/entra.md, R-03): it
 * derives {@code emails[type eq "work"].value} from canonicalValues on {@code type}, {@code name.givenName} from
 * sub-attributes, and {@code <schemaId>:<attr>} from extensions.
 */
public final class SchemaJson {

    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private SchemaJson() {
    }

    public static ObjectNode schema(Schema schema, String baseUrl) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("schemas").add(SCHEMA_SCHEMA);
        node.put("id", schema.id());
        node.put("name", schema.name());
        if (!schema.description().isEmpty()) {
            node.put("description", schema.description());
        }
        ArrayNode attributes = node.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(attribute(attribute)));
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "Schema");
        meta.put("location", baseUrl + "/Schemas/" + schema.id());
        return node;
    }

    public static ObjectNode attribute(AttributeDef def) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", def.name());
        node.put("type", def.type().wireName());
        node.put("multiValued", def.multiValued());
        if (!def.description().isEmpty()) {
            node.put("description", def.description());
        }
        node.put("required", def.required());
        if (def.type().isTextual()) {
            node.put("caseExact", def.caseExact());
        }
        if (!def.canonicalValues().isEmpty()) {
            ArrayNode values = node.putArray("canonicalValues");
            def.canonicalValues().forEach(values::add);
        }
        node.put("mutability", def.mutability().wireName());
        node.put("returned", def.returned().wireName());
        if (def.type() != AttributeType.COMPLEX && def.type() != AttributeType.BOOLEAN) {
            node.put("uniqueness", def.uniqueness().wireName());
        }
        if (def.type() == AttributeType.REFERENCE) {
            ArrayNode types = node.putArray("referenceTypes");
            def.referenceTypes().forEach(types::add);
        }
        if (def.type() == AttributeType.COMPLEX) {
            ArrayNode subs = node.putArray("subAttributes");
            def.subAttributes().forEach(sub -> subs.add(attribute(sub)));
        }
        return node;
    }

    public static ObjectNode resourceType(ResourceType type, String baseUrl) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        node.put("id", type.name());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        node.put("description", type.name().equals(SchemaRegistry.USER) ? "User Account" : "Group");
        node.put("schema", type.schema().id());
        ArrayNode extensions = node.putArray("schemaExtensions");
        type.extensions().forEach(extension -> extensions.addObject()
                .put("schema", extension.id())
                .put("required", false));
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", "ResourceType");
        meta.put("location", baseUrl + "/ResourceTypes/" + type.name());
        return node;
    }
}
