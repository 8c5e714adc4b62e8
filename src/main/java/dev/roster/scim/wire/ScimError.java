package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The SCIM error message of RFC 7644 §3.12. {@code status} is a string on the wire, as the RFC's examples show. */
public final class ScimError {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimError() {
    }

    public static ObjectNode body(int status, String scimType, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("schemas").add(SCHEMA);
        node.put("status", Integer.toString(status));
        if (scimType != null) {
            node.put("scimType", scimType);
        }
        if (detail != null) {
            node.put("detail", detail);
        }
        return node;
    }
}
