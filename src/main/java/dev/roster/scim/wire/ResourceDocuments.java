package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** Turns a stored document into the start of a SCIM resource: {@code schemas}, then {@code id}, then the attributes. */
public final class ResourceDocuments {

    private ResourceDocuments() {
    }

    public static ObjectNode withId(ObjectNode document, String id) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        JsonNode schemas = document.get("schemas");
        if (schemas != null) {
            resource.set("schemas", schemas.deepCopy());
        }
        resource.put("id", id);
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("schemas") && !field.getKey().equals("id")) {
                resource.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return resource;
    }
}
