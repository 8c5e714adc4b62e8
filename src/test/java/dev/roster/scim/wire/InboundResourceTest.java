package dev.roster.scim.wire;

import static dev.roster.scim.TestJson.ENTERPRISE;
import static dev.roster.scim.TestJson.GROUP;
import static dev.roster.scim.TestJson.USER;
import static dev.roster.scim.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.patch.MemberRef;
import dev.roster.scim.wire.InboundResource.Mode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InboundResourceTest {

    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String BLINK = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";

    private static JsonNode user(String body) {
        return InboundResource.normalize(USER, json(body), Mode.CREATE).document();
    }

    @Test
    void normalisesEntrasCreateUserRequest_R11() {
        JsonNode document = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@contoso.com",
                 "active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@contoso.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"1"},
                 "urn:ietf:params:scim:schemas:extension:blink:2.0:User":{"company":"Blink"}}""");

        assertEquals(json("""
                {"schemas":["%s","%s","%s"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee@contoso.com",
                 "active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@contoso.com"}],
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "%s":{"employeeNumber":"1"},"%s":{"company":"Blink"}}""".formatted(CORE, ENTERPRISE, BLINK,
                ENTERPRISE, BLINK)), document);
    }

    @Test
    void acceptsAnExtensionObjectMissingFromSchemas_Q11() {
        JsonNode document = user("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}""");

        assertEquals(json("[\"" + CORE + "\",\"" + ENTERPRISE + "\"]"), document.get("schemas"));
        assertEquals("Sales", document.at("/" + ENTERPRISE + "/department").textValue());
    }

    @Test
    void dropsSchemasWhoseObjectIsAbsentAndAddsTheCoreSchema_Q11() {
        JsonNode document = user("{\"schemas\":[\"" + ENTERPRISE + "\",\"urn:x\"],\"userName\":\"u\"}");

        assertEquals(json("[\"" + CORE + "\"]"), document.get("schemas"));
    }

    @Test
    void foldsUrnDottedAndLegacyKeysIntoPlace_Q5_Q17() {
        JsonNode document = user("""
                {"userName":"u","name.familyName":"Jensen","name":{"givenName":"Barbara"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Sales",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter":"4130",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"division":"North"}}""");

        assertEquals(json("{\"familyName\":\"Jensen\",\"givenName\":\"Barbara\"}"), document.get("name"));
        assertEquals(json("{\"department\":\"Sales\",\"costCenter\":\"4130\",\"division\":\"North\"}"),
                document.get(ENTERPRISE));
    }

    @Test
    void normalisesEveryManagerShapeToAnIdObject_Q10() {
        for (String manager : List.of("\"m-1\"", "[{\"$ref\":null,\"value\":\"m-1\"}]", "{\"value\":\"m-1\"}",
                "{\"value\":\"m-1\",\"$ref\":\"https://x/Users/m-1\",\"displayName\":\"Boss\"}")) {
            JsonNode document = user("{\"userName\":\"u\",\"" + ENTERPRISE + "\":{\"manager\":" + manager + "}}");

            assertEquals(json("{\"value\":\"m-1\"}"), document.at("/" + ENTERPRISE + "/manager"), manager);
        }
    }

    @Test
    void dropsReadOnlyUnknownAndPasswordAttributes_Q12() {
        JsonNode document = user("""
                {"id":"client-id","meta":{"resourceType":"User","created":"2020-01-01T00:00:00Z"},
                 "groups":[{"value":"g1"}],"password":"Pa55w.rd","userName":"u","favouriteColour":"blue",
                 "emails":[{"value":"a@x","$ref":null,"junk":1}]}""");

        assertEquals(json("{\"schemas\":[\"" + CORE + "\"],\"userName\":\"u\",\"emails\":[{\"value\":\"a@x\"}]}"),
                document);
    }

    @Test
    void mapsAttributeNamesToTheSchemasSpellingAndCoercesBooleans_Q2_Q12() {
        JsonNode document = user("""
                {"USERNAME":"u","Active":"False","NAME":{"GIVENNAME":"B"},
                 "Emails":[{"VALUE":"a@x","Primary":"TRUE"}],"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"Department":"d"}}""");

        assertEquals(json("""
                {"schemas":["%s","%s"],"userName":"u","active":false,"name":{"givenName":"B"},
                 "emails":[{"value":"a@x","primary":true}],"%s":{"department":"d"}}""".formatted(CORE, ENTERPRISE,
                ENTERPRISE)), document);
    }

    @Test
    void keepsStringsExactlyAsReceived() {
        JsonNode document = user("{\"userName\":\"  Mixed.Case@Example.COM \",\"displayName\":\"\\u00c9lodie \"}");

        assertEquals("  Mixed.Case@Example.COM ", document.get("userName").textValue());
        assertEquals("\u00c9lodie ", document.get("displayName").textValue());
    }

    @Test
    void storesUnregisteredExtensionObjectsAsReceived() {
        JsonNode document = user("""
                {"userName":"u","urn:acme:params:scim:schemas:extension:custom:2.0:User":
                  {"Badge":"  B-1 ","nested":{"deep":[1,"True",null]}},
                 "urn:acme:params:scim:schemas:extension:custom:2.0:User:floor":3}""");

        assertEquals(json("{\"Badge\":\"  B-1 \",\"nested\":{\"deep\":[1,\"True\",null]},\"floor\":3}"),
                document.get("urn:acme:params:scim:schemas:extension:custom:2.0:User"));
        assertTrue(document.get("schemas").toString().contains("urn:acme:params:scim:schemas:extension:custom:2.0:User"));
    }

    @Test
    void separatesAGroupsMembersFromItsDocumentAndDropsMicrosoftsSchema_R31() {
        NormalizedResource group = InboundResource.normalize(GROUP, json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Group1DisplayName",
                 "members":[{"value":"u1"},{"value":"U1","display":"dup"},{"value":"g2","type":"Group"}]}"""),
                Mode.CREATE);

        assertEquals(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Group1DisplayName"}"""),
                group.document());
        assertEquals(List.of(MemberRef.of("u1"), new MemberRef("g2", "Group", null)), group.members());
        assertTrue(group.membersAsserted());
    }

    @Test
    void aReplaceWithoutMembersLeavesThemUnasserted() {
        NormalizedResource without = InboundResource.normalize(GROUP, json("{\"displayName\":\"G\"}"), Mode.REPLACE);
        NormalizedResource empty = InboundResource.normalize(GROUP, json("{\"displayName\":\"G\",\"members\":[]}"),
                Mode.REPLACE);
        NormalizedResource created = InboundResource.normalize(GROUP, json("{\"displayName\":\"G\"}"), Mode.CREATE);

        assertFalse(without.membersAsserted());
        assertTrue(empty.membersAsserted());
        assertTrue(empty.members().isEmpty());
        assertTrue(created.membersAsserted());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(USER, "[]", ScimType.INVALID_SYNTAX,
                        "the request body must be a JSON object representing a User; found an array"),
                Arguments.of(USER, "{\"displayName\":\"x\"}", ScimType.INVALID_VALUE,
                        "\"userName\" is required; send it with a non-empty value"),
                Arguments.of(USER, "{\"userName\":\"\"}", ScimType.INVALID_VALUE,
                        "\"userName\" is required; send it with a non-empty value"),
                Arguments.of(GROUP, "{\"externalId\":\"x\"}", ScimType.INVALID_VALUE,
                        "\"displayName\" is required; send it with a non-empty value"),
                Arguments.of(USER, "{\"userName\":\"u\",\"active\":\"yes\"}", ScimType.INVALID_VALUE,
                        "\"active\" must be true or false; found \"yes\""),
                Arguments.of(USER, "{\"userName\":\"u\",\"" + ENTERPRISE + "\":\"x\"}", ScimType.INVALID_VALUE,
                        "\"" + ENTERPRISE + "\" must be an object of that extension's attributes; found \"x\""),
                Arguments.of(USER, "{\"userName\":\"u\",\"" + ENTERPRISE + "\":{\"department\":[\"a\"]}}",
                        ScimType.INVALID_VALUE, "\"" + ENTERPRISE + ":department\" must be a string; found an array"),
                Arguments.of(USER, "{\"userName\":\"u\",\"emails\":[{\"value\":\"a\",\"primary\":true},"
                        + "{\"value\":\"b\",\"primary\":true}]}", ScimType.INVALID_VALUE, null),
                Arguments.of(GROUP, "{\"displayName\":\"G\",\"members\":[{\"type\":\"User\"}]}", ScimType.INVALID_VALUE,
                        null),
                Arguments.of(USER, "{\"userName\":\"u\",\"x\":" + "[".repeat(11) + "]".repeat(11) + "}",
                        ScimType.INVALID_VALUE, "\"User.x[0][0][0][0][0][0][0][0][0]\" nests deeper than 10 levels;"
                                + " SCIM values nest a few levels at most"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesBodiesItCannotStore(dev.roster.scim.schema.ResourceType type, String body, ScimType scimType,
            String detail) {
        ScimException error = assertThrows(ScimException.class,
                () -> InboundResource.normalize(type, json(body), Mode.CREATE));

        assertEquals(scimType, error.scimType(), error::detail);
        if (detail != null) {
            assertEquals(detail, error.detail());
        }
    }

    @Test
    void refusesOverlongStringsAndMemberLists() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("userName", "x".repeat(JsonBounds.MAX_STRING + 1));
        ScimException string = assertThrows(ScimException.class,
                () -> InboundResource.normalize(USER, body, Mode.CREATE));
        assertEquals("a value in \"User.userName\" is 65537 characters long; the limit is 65536", string.detail());

        ObjectNode group = JsonNodeFactory.instance.objectNode().put("displayName", "G");
        ArrayNode members = group.putArray("members");
        for (int i = 0; i <= JsonBounds.MAX_ELEMENTS; i++) {
            members.addObject().put("value", "u" + i);
        }
        ScimException many = assertThrows(ScimException.class, () -> InboundResource.normalize(GROUP, group, Mode.CREATE));
        assertEquals(ScimType.INVALID_VALUE, many.scimType());
    }

    @Test
    void neverChangesItsInput() {
        JsonNode body = json("{\"userName\":\"u\",\"active\":\"True\",\"" + ENTERPRISE + "\":{\"manager\":\"m\"}}");
        JsonNode before = body.deepCopy();

        InboundResource.normalize(USER, body, Mode.CREATE);

        assertEquals(before, body);
    }
}
