package dev.roster.scim.wire;

import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import static dev.roster.scim.TestJson.USER;
import static dev.roster.scim.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.patch.PatchOp;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchRequestTest {

    private static final String SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    @Test
    void parsesTheThreeOperationsWithPathsFiltersAndValues() {
        PatchRequest request = PatchRequest.parse(json("{" + SCHEMAS + ",\"Operations\":["
                + "{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@x\"},"
                + "{\"op\":\"replace\",\"value\":{\"title\":\"x\"}},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"},"
                + "{\"op\":\"replace\",\"path\":\"title\",\"value\":null}]}"));

        assertEquals(4, request.operations().size());
        PatchOp.Add add = assertInstanceOf(PatchOp.Add.class, request.operations().get(0));
        assertEquals(AttrPath.of("emails"), add.path().attribute());
        assertEquals(Filter.eq("type", "work"), add.path().valueFilter());
        assertEquals("value", add.path().filterSubAttribute());
        assertEquals(json("\"a@x\""), add.value());
        PatchOp.Replace pathless = assertInstanceOf(PatchOp.Replace.class, request.operations().get(1));
        assertNull(pathless.path());
        PatchOp.Remove remove = assertInstanceOf(PatchOp.Remove.class, request.operations().get(2));
        assertNull(remove.value());
        assertTrue(request.operations().get(3).value().isNull(), "an explicit null is kept: it clears (R-19)");
    }

    @Test
    void acceptsABodyWithoutSchemasAndMemberNamesInAnyCase() {
        PatchRequest request = PatchRequest.parse(json("{\"operations\":[{\"OP\":\"add\",\"Path\":\"title\",\"VALUE\":\"x\"}]}"));

        assertEquals(json("\"x\""), request.operations().get(0).value());
        assertEquals(AttrPath.of("title"), request.operations().get(0).path().attribute());
    }

    @Test
    void readsEntrasDialectWhenAskedTo_Q1() {
        JsonNode body = json("{" + SCHEMAS + ",\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");

        PatchRequest request = InstalledDialects.parse(USER, body, true);

        assertEquals(new PatchOp.Replace(request.operations().get(0).path(), json("false")), request.operations().get(0));
        ScimException strict = assertThrows(ScimException.class, () -> PatchRequest.parse(body));
        assertEquals("Operations[0].op is \"Replace\"; use \"add\", \"remove\" or \"replace\"", strict.detail());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("[]", ScimType.INVALID_SYNTAX, "the PATCH body must be a JSON object such as {\"schemas\":"
                        + " [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [...]}"),
                Arguments.of("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"Operations\":[]}",
                        ScimType.INVALID_SYNTAX, "\"schemas\" must be [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]"
                                + " in a PATCH request; found an array"),
                Arguments.of("{" + SCHEMAS + "}", ScimType.INVALID_SYNTAX, "the PATCH body has no \"Operations\"; send an"
                        + " array such as \"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": false}]"),
                Arguments.of("{" + SCHEMAS + ",\"Operations\":{}}", ScimType.INVALID_SYNTAX,
                        "\"Operations\" must be an array of operations; found an object"),
                Arguments.of("{" + SCHEMAS + ",\"Operations\":[]}", ScimType.INVALID_VALUE, "\"Operations\" is empty; send"
                        + " at least one operation such as {\"op\": \"replace\", \"path\": \"active\", \"value\": false}"),
                Arguments.of("{\"Operations\":[\"add\"]}", ScimType.INVALID_SYNTAX, "Operations[0] must be an object such"
                        + " as {\"op\": \"replace\", \"path\": \"active\", \"value\": false}; found \"add\""),
                Arguments.of("{\"Operations\":[{\"path\":\"title\"}]}", ScimType.INVALID_SYNTAX,
                        "Operations[0] has no \"op\"; use \"add\", \"remove\" or \"replace\""),
                Arguments.of("{\"Operations\":[{\"op\":\"merge\",\"path\":\"title\"}]}", ScimType.INVALID_SYNTAX,
                        "Operations[0].op is \"merge\"; use \"add\", \"remove\" or \"replace\""),
                Arguments.of("{\"Operations\":[{\"op\":\"remove\"}]}", ScimType.NO_TARGET, "Operations[0] is a remove"
                        + " without a \"path\"; name the attribute to remove, such as \"path\": \"title\""
                        + " (RFC 7644 §3.5.2.2)"),
                Arguments.of("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\"}]}", ScimType.INVALID_SYNTAX,
                        "Operations[0] is an add without a \"value\"; send the new value, or \"value\": null to clear"
                                + " the attribute"),
                Arguments.of("{\"Operations\":[{\"op\":\"replace\",\"path\":5,\"value\":1}]}", ScimType.INVALID_PATH,
                        "Operations[0].path must be a string such as \"name.familyName\"; found 5"),
                Arguments.of("{\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":1}]}",
                        ScimType.INVALID_FILTER, null),
                Arguments.of("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":1},{\"op\":\"add\","
                        + "\"path\":\"emails x\",\"value\":1}]}", ScimType.INVALID_PATH,
                        "Operations[1].path at column 8: expected the end of the path, found \"x\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedBodiesWithActionableDetails(String body, ScimType type, String detail) {
        ScimException error = assertThrows(ScimException.class, () -> PatchRequest.parse(json(body)));

        assertEquals(type, error.scimType(), error::detail);
        if (detail != null) {
            assertEquals(detail, error.detail());
        }
    }

    @Test
    void refusesMoreThanAThousandOperations() {
        ArrayNode operations = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= PatchRequest.MAX_OPERATIONS; i++) {
            operations.addObject().put("op", "remove").put("path", "title");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().set("Operations", operations);

        ScimException error = assertThrows(ScimException.class, () -> InstalledDialects.parse(USER, body, true));

        assertEquals(ScimType.INVALID_VALUE, error.scimType());
        assertEquals("the request has 1001 operations; send at most 1000 per PATCH and the rest in further requests",
                error.detail());
        operations.remove(0);
        assertEquals(1000, PatchRequest.parse(body).operations().size());
    }

    @Test
    void refusesValuesBeyondTheBounds() {
        String deep = "[".repeat(12) + "]".repeat(12);
        ScimException depth = assertThrows(ScimException.class, () -> PatchRequest.parse(
                json("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":" + deep + "}]}")));
        assertEquals("\"Operations[0].value[0][0][0][0][0][0][0][0][0][0]\" nests deeper than 10 levels; SCIM values"
                + " nest a few levels at most", depth.detail());

        ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "add").put("path", "title")
                .put("value", "x".repeat(JsonBounds.MAX_STRING + 1));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("Operations").add(op);
        ScimException length = assertThrows(ScimException.class, () -> InstalledDialects.parse(USER, body, true));
        assertEquals(ScimType.INVALID_VALUE, length.scimType());
        assertEquals("a value in \"Operations[0].value\" is 65537 characters long; the limit is 65536", length.detail());
    }

    @Test
    void refusesMoreThanTenThousandMembersInOneOperation() {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "add").put("path", "members");
        ArrayNode members = op.putArray("value");
        for (int i = 0; i <= JsonBounds.MAX_ELEMENTS; i++) {
            members.addObject().put("value", "u" + i);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("Operations").add(op);

        ScimException error = assertThrows(ScimException.class,
                () -> InstalledDialects.parse(dev.roster.scim.TestJson.GROUP, body, true));

        assertEquals("\"Operations[0].value\" has 10001 values; at most 10000 are accepted per request, so send the rest"
                + " in further requests", error.detail());
    }

    @Test
    void removesTenThousandListedMembersThroughTheDialect_Q4() {
        ObjectNode op = JsonNodeFactory.instance.objectNode().put("op", "Remove").put("path", "members");
        ArrayNode members = op.putArray("value");
        for (int i = 0; i < JsonBounds.MAX_ELEMENTS; i++) {
            members.addObject().put("value", "2819c223-7f76-453a-919d-" + String.format("%012d", i));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("Operations").add(op);

        PatchRequest request = InstalledDialects.parse(dev.roster.scim.TestJson.GROUP, body, true);
        var outcome = dev.roster.scim.patch.PatchEngine.apply(dev.roster.scim.TestJson.GROUP,
                (ObjectNode) json(dev.roster.scim.TestJson.GROUP_DOC), request.operations());

        assertEquals(JsonBounds.MAX_ELEMENTS, outcome.members().removeIds().size());
        assertTrue(outcome.members().removeIds().contains("2819c223-7f76-453a-919d-000000009999"));
    }
}
