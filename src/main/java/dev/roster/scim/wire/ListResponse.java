package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The ListResponse message of RFC 7644 §3.4.2 ("Resources", 1-based startIndex). */
public final class ListResponse {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ListResponse() {
    }

    public static ObjectNode of(long totalResults, int startIndex, List<? extends JsonNode> resources) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("schemas").add(SCHEMA);
        node.put("totalResults", totalResults);
        node.put("startIndex", startIndex);
        node.put("itemsPerPage", resources.size());
        ArrayNode array = node.putArray("Resources");
        resources.forEach(array::add);
        return node;
    }

    /** A page of cursor pagination (RFC 9865 §3): {@code nextCursor} while more follow, no startIndex. */
    public static ObjectNode withCursor(long totalResults, List<? extends JsonNode> resources, String nextCursor) {
        ObjectNode node = of(totalResults, 1, resources);
        node.remove("startIndex");
        if (nextCursor != null) {
            node.put("nextCursor", nextCursor);
        }
        return node;
    }

    /** The answer to a list request, in the pagination style the request used. */
    public static ObjectNode forRequest(ScimListRequest request, long totalResults, String nextCursor,
                                        List<? extends JsonNode> resources) {
        return request.cursor() == null ? of(totalResults, request.startIndex(), resources)
                : withCursor(totalResults, resources, nextCursor);
    }
}
