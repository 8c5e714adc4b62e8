package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributeProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static ObjectNode user() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"], "id": "42", "userName": "alice",
                 "name": {"givenName": "Alice", "familyName": "Liddell"},
                 "emails": [{"type": "work", "value": "a@x.com", "primary": true}],
                 "groups": [{"value": "g1"}],
                 "%s": {"department": "Sales", "employeeNumber": "7"},
                 "meta": {"resourceType": "User"}}""".formatted(ENTERPRISE, ENTERPRISE));
    }

    private static AttributeProjection of(List<String> attributes, List<String> excluded) {
        return AttributeProjection.of(SchemaRegistry.standard().user(), attributes, excluded);
    }

    @Test
    void attributesKeepOnlyNamedOnesPlusIdAndSchemas() throws Exception {
        ObjectNode projected = of(List.of("userName", "name.givenName", ENTERPRISE + ":department"), List.of())
                .apply(user());
        assertEquals(JSON.readTree("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"], "id": "42", "userName": "alice",
                 "name": {"givenName": "Alice"}, "%s": {"department": "Sales"}}""".formatted(ENTERPRISE, ENTERPRISE)),
                projected);
    }

    @Test
    void attributeNamesAreCaseInsensitive() throws Exception {
        ObjectNode projected = of(List.of("USERNAME", "Emails.Value"), List.of()).apply(user());
        assertEquals("alice", projected.get("userName").asText());
        assertEquals(JSON.readTree("[{\"value\": \"a@x.com\"}]"), projected.get("emails"));
    }

    @Test
    void excludedAttributesDropNamedOnesButNeverId() throws Exception {
        ObjectNode projected = of(List.of(), List.of("emails", "id", "groups", ENTERPRISE)).apply(user());
        assertFalse(projected.has("emails"));
        assertFalse(projected.has("groups"));
        assertFalse(projected.has(ENTERPRISE));
        assertTrue(projected.has("id"));
        assertTrue(projected.has("userName"));
    }

    @Test
    void tellsWhetherAnAttributeIsNeededBeforeLoadingIt() {
        assertTrue(AttributeProjection.all().includes("groups"));
        assertFalse(of(List.of(), List.of("groups")).includes("groups"));
        assertFalse(of(List.of("userName"), List.of()).includes("groups"));
        assertTrue(of(List.of("groups"), List.of()).includes("groups"));
        assertFalse(AttributeProjection.of(SchemaRegistry.standard().group(), List.of(), List.of("members"))
                .includes("members"));
    }
}
