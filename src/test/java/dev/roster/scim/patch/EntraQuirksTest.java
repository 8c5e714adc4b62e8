package dev.roster.scim.patch;

import static dev.roster.scim.TestJson.BJENSEN;
import static dev.roster.scim.TestJson.ENTERPRISE;
import static dev.roster.scim.TestJson.FRESH;
import static dev.roster.scim.TestJson.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PATCH shape of docs/entra.md, as Entra sends it (raw JSON), through the dialect and the engine, as the
 * service runs them. Rows are named after the behaviour and the R-/Q- item they serve.
 */
class EntraQuirksTest {

    private static final String MANAGER = "/" + ENTERPRISE + "/manager";
    private static final String INACTIVE = FRESH.replace("\"active\": true", "\"active\": false");

    private static Arguments row(String name, String document, String operations, String changed, String... expect) {
        return Arguments.of(name, document, operations, changed, Expectations.of(expect));
    }

    static Stream<Arguments> quirks() {
        return Stream.of(
                // Q1 ------------------------------------------------------------------------------------------------
                row("acceptsCapitalisedOpNames_Q1", BJENSEN, """
                        [{"op":"Add","path":"nickName","value":"Babs"},{"op":"REPLACE","path":"title","value":"Lead"},
                         {"op":"Remove","path":"externalId"}]""", "externalId,nickName,title",
                        "/nickName", "\"Babs\"", "/title", "\"Lead\"", "/externalId", null),
                // Q2, R-16, R-17 ------------------------------------------------------------------------------------
                row("disablesAUserWhenEntraSendsTheStringFalse_Q2_R16", FRESH,
                        "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]", "active", "/active", "false"),
                row("disablesAUserWhenEntraSendsBooleanFalse_R16", FRESH,
                        "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]", "active", "/active", "false"),
                row("reenablesAUserWhenEntraSendsTheStringTrue_Q2_R17", INACTIVE,
                        "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]", "active", "/active", "true"),
                row("reenablesAUserWhenEntraSendsBooleanTrue_R17", INACTIVE,
                        "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]", "active", "/active", "true"),
                row("readsBooleanStringsInAPathlessValue_Q2", FRESH,
                        "[{\"op\":\"Replace\",\"value\":{\"active\":\"false\"}}]", "active", "/active", "false"),
                row("readsBooleanStringsInsideComplexValues_Q2", FRESH, """
                        [{"op":"Add","path":"emails","value":[{"value":"a@corp.example","type":"work","primary":"True"}]}]""",
                        "emails", "/emails/1/primary", "true"),
                row("keepsTheStringTrueInAStringAttribute_Q2", FRESH,
                        "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"True\"}]", "displayName",
                        "/displayName", "\"True\""),
                // Q3 ------------------------------------------------------------------------------------------------
                row("replacesASingleValuedAttributeWhenEntraAddsIt_Q3", BJENSEN,
                        "[{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Lead Guide\"}]", "title",
                        "/title", "\"Lead Guide\""),
                row("replacesASubAttributeWhenEntraAddsIt_Q3", BJENSEN,
                        "[{\"op\":\"Add\",\"path\":\"name.familyName\",\"value\":\"Jensen-Smith\"}]", "name",
                        "/name/familyName", "\"Jensen-Smith\"", "/name/givenName", "\"Barbara\""),
                // Q5, R-18 ------------------------------------------------------------------------------------------
                row("appliesDottedAndUrnKeysOfAPathlessReplace_Q5_R18", BJENSEN, """
                        [{"op":"Replace","value":{"displayName":"Babs","name.givenName":"Barb",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"701984",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager":"m-2"}}]""",
                        "displayName,name," + ENTERPRISE + ":employeeNumber," + ENTERPRISE + ":manager",
                        "/displayName", "\"Babs\"", "/name", "{\"givenName\":\"Barb\",\"familyName\":\"Jensen\"}",
                        "/" + ENTERPRISE + "/employeeNumber", "\"701984\"", MANAGER, "{\"value\":\"m-2\"}",
                        "/" + ENTERPRISE + "/department", "\"Tour Operations\""),
                row("appliesDottedKeysOfAPathlessAdd_Q5", FRESH, """
                        [{"op":"Add","value":{"name.familyName":"Smith","name.givenName":"Alice"}}]""", "name",
                        "/name", "{\"familyName\":\"Smith\",\"givenName\":\"Alice\"}"),
                // Q7, R-20 ------------------------------------------------------------------------------------------
                row("decodesRolesSentAsAJsonString_Q7_R20", FRESH, """
                        [{"op":"Add","path":"roles","value":"[{\\"primary\\":\\"True\\",\\"type\\":\\"WindowsAzureActiveDirectoryRole\\",\\"value\\":\\"Admin\\"}]"}]""",
                        "roles", "/roles",
                        "[{\"primary\":true,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"Admin\"}]"),
                row("decodesRolesSentAsAJsonStringInAPathlessValue_Q7", FRESH, """
                        [{"op":"Replace","value":{"roles":"[{\\"value\\":\\"Reader\\"}]"}}]""", "roles",
                        "/roles", "[{\"value\":\"Reader\"}]"),
                // Q8, R-14 ------------------------------------------------------------------------------------------
                row("createsTheWorkEmailWhenTheFilteredReplaceMatchesNothing_Q8_R14", FRESH, """
                        [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"alice@contoso.com"}]""",
                        "emails", "/emails/0/value", "\"alice@home.example\"",
                        "/emails/1", "{\"type\":\"work\",\"value\":\"alice@contoso.com\"}"),
                row("createsTheWorkAddressWhenTheFilteredAddMatchesNothing_Q8_R14", FRESH, """
                        [{"op":"Add","path":"addresses[type eq \\"work\\"].formatted","value":"1 Main St"},
                         {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Springfield"}]""",
                        "addresses", "/addresses",
                        "[{\"type\":\"work\",\"formatted\":\"1 Main St\",\"locality\":\"Springfield\"}]"),
                row("createsAPrimaryWorkEmailFromAnAndFilter_Q8", BJENSEN, """
                        [{"op":"Add","path":"emails[type eq \\"other\\" and primary eq true].value","value":"o@x.org"}]""",
                        "emails", "/emails/2", "{\"type\":\"other\",\"primary\":true,\"value\":\"o@x.org\"}",
                        "/emails/0/primary", "false"),
                row("replacesTheWorkEmailWhenOneExists_R14", BJENSEN, """
                        [{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"babs@corp.example"}]""",
                        "emails", "/emails/0/value", "\"babs@corp.example\"", "/emails/2", null),
                row("replacesTheWorkAddressFormatted_R14", BJENSEN, """
                        [{"op":"Replace","path":"addresses[type eq \\"work\\"].formatted","value":"2 Elm St"}]""",
                        "addresses", "/addresses/0/formatted", "\"2 Elm St\"", "/addresses/0/locality", "\"Hollywood\""),
                row("addsTheDepartmentByUrnPath_R14", FRESH, """
                        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"}]""",
                        ENTERPRISE + ":department", "/" + ENTERPRISE + "/department", "\"Sales\"",
                        "/schemas", "[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"]"),
                // Q9, R-19 ------------------------------------------------------------------------------------------
                row("removesTheWorkEmailWhenEntraRemovesItsValue_Q9_R19", BJENSEN, """
                        [{"op":"Remove","path":"emails[type eq \\"work\\"].value","value":"bjensen@example.com"}]""",
                        "emails", "/emails", "[{\"value\":\"babs@jensen.org\",\"type\":\"home\"}]"),
                row("removesASingleValuedAttributeSentWithItsValue_Q9", BJENSEN,
                        "[{\"op\":\"Remove\",\"path\":\"title\",\"value\":\"Tour Guide\"}]", "title", "/title", null),
                row("clearsAnAttributeReplacedWithAnEmptyString_R19", BJENSEN,
                        "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"\"}]", "title", "/title", null),
                row("clearsAnAttributeReplacedWithNull_R19", BJENSEN,
                        "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":null}]", "title", "/title", null),
                row("clearsWithEmptyStringThenNullWithoutError_R19", BJENSEN, """
                        [{"op":"Replace","path":"nickName","value":""},{"op":"Replace","path":"nickName","value":null},
                         {"op":"Replace","path":"name.givenName","value":""}]""", "name",
                        "/nickName", null, "/name", "{\"familyName\":\"Jensen\"}"),
                row("clearsAnAttributeInAPathlessValueWithAnEmptyString_R19", BJENSEN,
                        "[{\"op\":\"Replace\",\"value\":{\"title\":\"\"}}]", "title", "/title", null),
                // Q10, R-15 -----------------------------------------------------------------------------------------
                row("setsTheManagerFromAnArrayWithRefNull_Q10_R15", FRESH, """
                        [{"op":"Add","path":"manager","value":[{"$ref":null,"value":"m-2"}]}]""",
                        ENTERPRISE + ":manager", MANAGER, "{\"value\":\"m-2\"}"),
                row("setsTheManagerFromABareIdAtItsUrnPath_Q10_R15", FRESH, """
                        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m-2"}]""",
                        ENTERPRISE + ":manager", MANAGER, "{\"value\":\"m-2\"}"),
                row("setsTheManagerFromAnObject_Q10", FRESH, """
                        [{"op":"Replace","path":"manager","value":{"value":"m-2","$ref":"https://x/Users/m-2"}}]""",
                        ENTERPRISE + ":manager", MANAGER, "{\"value\":\"m-2\"}"),
                row("changesTheManager_Q10_R15", BJENSEN, """
                        [{"op":"Add","path":"manager","value":[{"$ref":null,"value":"m-2"}]}]""",
                        ENTERPRISE + ":manager", MANAGER, "{\"value\":\"m-2\"}"),
                row("clearsTheManagerReplacedWithAnEmptyString_Q10_R15", BJENSEN, """
                        [{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}]""",
                        ENTERPRISE + ":manager", MANAGER, null, "/" + ENTERPRISE + "/department", "\"Tour Operations\""),
                row("removesTheManagerByFilter_Q10_R15", BJENSEN, """
                        [{"op":"remove","path":"manager[value eq \\"m-1\\"]"}]""", ENTERPRISE + ":manager",
                        MANAGER, null),
                row("setsTheManagerInsideAPathlessExtensionObject_Q10", FRESH, """
                        [{"op":"Add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"m-3"}}}]""",
                        ENTERPRISE + ":manager", MANAGER, "{\"value\":\"m-3\"}"),
                // Q12 -----------------------------------------------------------------------------------------------
                row("ignoresMetaIdAndUnknownMembersOfAPathlessValue_Q12", BJENSEN, """
                        [{"op":"Replace","value":{"id":"x","meta":{"resourceType":"User"},"schemas":["x"],
                          "notAnAttribute":"junk","displayName":"Babs"}}]""", "displayName",
                        "/id", "\"u1\"", "/notAnAttribute", null, "/displayName", "\"Babs\""),
                row("matchesAttributeNamesCaseInsensitively_Q12", FRESH, """
                        [{"op":"Replace","path":"USERNAME","value":"alice2"},
                         {"op":"Add","path":"Emails[Type eq \\"work\\"].Value","value":"a@corp.example"}]""",
                        "emails,userName", "/userName", "\"alice2\"",
                        "/emails/1", "{\"type\":\"work\",\"value\":\"a@corp.example\"}"),
                // Q17 -----------------------------------------------------------------------------------------------
                row("readsTheLegacyDotFormOfAnExtensionPath_Q17", FRESH, """
                        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department","value":"Sales"}]""",
                        ENTERPRISE + ":department", "/" + ENTERPRISE + "/department", "\"Sales\""),
                row("readsTheLegacyDotFormInAPathlessValue_Q17", FRESH, """
                        [{"op":"Replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter":"4130"}}]""",
                        ENTERPRISE + ":costCenter", "/" + ENTERPRISE + "/costCenter", "\"4130\""),
                // R-13 ----------------------------------------------------------------------------------------------
                row("replacesTheUserName_R13", BJENSEN,
                        "[{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"Babs.Jensen@Example.com\"}]", "userName",
                        "/userName", "\"Babs.Jensen@Example.com\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quirks")
    void appliesEntrasRequestAsEntraMeansIt(String name, String document, String operations, String changed,
            Expectations expectations) {
        PatchOutcome outcome = Apply.entra(USER, document, operations);

        expectations.check(outcome.resource());
        assertEquals(Expectations.names(changed), new TreeSet<>(outcome.changedAttributes()));
    }
}
