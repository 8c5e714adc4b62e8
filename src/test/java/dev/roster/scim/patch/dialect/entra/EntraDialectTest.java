package dev.roster.scim.patch.dialect.entra;

import static dev.roster.scim.TestJson.GROUP;
import static dev.roster.scim.TestJson.USER;
import static dev.roster.scim.TestJson.json;
import static dev.roster.scim.TestJson.patchBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.ResourceType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rewrite: Entra's raw operations in, the RFC 7644 operations out, exactly. */
class EntraDialectTest {

    private static final String EXT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Arguments row(String name, ResourceType type, String raw, String corrected) {
        return Arguments.of(name, type, raw, corrected);
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                row("lowerCasesTheOpName_Q1", USER,
                        "[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Babs\"},{\"op\":\"ADD\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\"}]}]",
                        "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Babs\"},{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\"}]}]"),
                row("leavesAnUnknownOpNameForTheParser_Q1", USER,
                        "[{\"op\":\"Merge\",\"path\":\"title\",\"value\":\"x\"}]",
                        "[{\"op\":\"Merge\",\"path\":\"title\",\"value\":\"x\"}]"),
                row("turnsBooleanStringsIntoBooleans_Q2", USER,
                        "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]",
                        "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"),
                row("turnsBooleanStringsOfAFilteredSubAttributeIntoBooleans_Q2", USER,
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].primary\",\"value\":\"true\"}]",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].primary\",\"value\":true}]"),
                row("keepsBooleanLookingStringsOfStringAttributes_Q2", USER,
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"False\"}]",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"False\"}]"),
                row("turnsAddOnASingleValuedAttributeIntoReplace_Q3", USER,
                        "[{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Lead\"}]",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"),
                row("keepsAddOnAMultiValuedAttribute_Q3", USER,
                        "[{\"op\":\"Add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\"}]}]",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\"}]}]"),
                row("keepsAddOnAFilteredPath_Q3_Q8", USER,
                        "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@x\"}]",
                        "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@x\"}]"),
                row("turnsAMemberValueListIntoAFilterOnTheirIds_Q4", GROUP,
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"$ref\":null,\"value\":\"b\"}]}]",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\" or value eq \\\"b\\\"]\"}]"),
                row("namesMembersByIdOnly_Q4", GROUP,
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\",\"display\":\"Alice\"}]}]",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\"]\"}]"),
                row("escapesQuotesInMemberIds_Q4", GROUP,
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\\\"b\"}]}]",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\\\\\"b\\\"]\"}]"),
                row("leavesAMemberWithoutValueForTheEngineToReport_Q4", GROUP,
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"display\":\"x\"}]}]",
                        "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"display\":\"x\"}]}]"),
                row("turnsAnEmailValueListIntoAFilterOnEveryListedSubAttribute_Q4", USER,
                        "[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\",\"type\":\"work\",\"primary\":\"True\"}]}]",
                        "[{\"op\":\"remove\",\"path\":\"emails[value eq \\\"a@x\\\" and type eq \\\"work\\\" and primary eq true]\"}]"),
                row("splitsDottedAndUrnKeysOfAPathlessValue_Q5", USER,
                        "[{\"op\":\"Replace\",\"value\":{\"displayName\":\"Babs\",\"name.givenName\":\"Barbara\","
                                + "\"" + EXT + ":employeeNumber\":\"701984\"}}]",
                        "[{\"op\":\"replace\",\"value\":{\"displayName\":\"Babs\"}},"
                                + "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Barbara\"},"
                                + "{\"op\":\"replace\",\"path\":\"" + EXT + ":employeeNumber\",\"value\":\"701984\"}]"),
                row("keepsExtensionObjectsAndUnknownKeysInThePathlessValue_Q5", USER,
                        "[{\"op\":\"add\",\"value\":{\"" + EXT + "\":{\"department\":\"x\"},\"foo.bar\":1}}]",
                        "[{\"op\":\"add\",\"value\":{\"" + EXT + "\":{\"department\":\"x\"},\"foo.bar\":1}}]"),
                row("splitsAnUnregisteredExtensionAttributeKey_Q5", USER,
                        "[{\"op\":\"add\",\"value\":{\"urn:acme:2.0:User:badge\":\"b\"}}]",
                        "[{\"op\":\"add\",\"path\":\"urn:acme:2.0:User:badge\",\"value\":\"b\"}]"),
                row("decodesRolesSentAsAJsonString_Q7", USER,
                        "[{\"op\":\"Add\",\"path\":\"roles\",\"value\":\"[{\\\"value\\\":\\\"Admin\\\"}]\"}]",
                        "[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"Admin\"}]}]"),
                row("keepsAStringThatIsNotJson_Q7", USER,
                        "[{\"op\":\"Add\",\"path\":\"roles\",\"value\":\"[not json\"}]",
                        "[{\"op\":\"add\",\"path\":\"roles\",\"value\":\"[not json\"}]"),
                row("keepsJsonLookingStringsOfStringAttributes_Q7", USER,
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"[1]\"}]",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"[1]\"}]"),
                row("dropsTheValueOfARemoveOnAFilteredPath_Q9", USER,
                        "[{\"op\":\"Remove\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"a@x\"}]",
                        "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].value\"}]"),
                row("dropsTheValueOfARemoveOnASingleValuedAttribute_Q9", USER,
                        "[{\"op\":\"Remove\",\"path\":\"title\",\"value\":\"Lead\"}]",
                        "[{\"op\":\"remove\",\"path\":\"title\"}]"),
                row("qualifiesTheManagerAndUnwrapsItsArray_Q10", USER,
                        "[{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\"m\"}]}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager\",\"value\":{\"value\":\"m\"}}]"),
                row("wrapsABareManagerId_Q10", USER,
                        "[{\"op\":\"Add\",\"path\":\"" + EXT + ":manager\",\"value\":\"m\"}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager\",\"value\":{\"value\":\"m\"}}]"),
                row("qualifiesTheManagerOfAFilteredRemove_Q10", USER,
                        "[{\"op\":\"remove\",\"path\":\"manager[value eq \\\"m\\\"]\"}]",
                        "[{\"op\":\"remove\",\"path\":\"" + EXT + ":manager[value eq \\\"m\\\"]\"}]"),
                row("turnsAManagerSplitOffAPathlessValueIntoAnObject_Q5_Q10", USER,
                        "[{\"op\":\"Replace\",\"value\":{\"" + EXT + ":manager\":\"m\"}}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager\",\"value\":{\"value\":\"m\"}}]"),
                row("rewritesTheLegacyDotPath_Q17", USER,
                        "[{\"op\":\"Add\",\"path\":\"" + EXT + ".department\",\"value\":\"Sales\"}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":department\",\"value\":\"Sales\"}]"),
                row("rewritesTheLegacyDotKeyOfAPathlessValue_Q17", USER,
                        "[{\"op\":\"Replace\",\"value\":{\"" + EXT + ".costCenter\":\"4130\"}}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":costCenter\",\"value\":\"4130\"}]"),
                row("keepsASubAttributeAfterAnExtensionAttribute_Q17", USER,
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager.value\",\"value\":\"m\"}]",
                        "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager.value\",\"value\":\"m\"}]"),
                row("turnsAReplaceWithAnEmptyStringIntoARemove_R19", USER,
                        "[{\"op\":\"Replace\",\"path\":\"" + EXT + ":manager\",\"value\":\"\"}]",
                        "[{\"op\":\"remove\",\"path\":\"" + EXT + ":manager\"}]"),
                row("turnsAReplaceWithNullIntoARemove_R19", USER,
                        "[{\"op\":\"Replace\",\"path\":\"title\",\"value\":null}]",
                        "[{\"op\":\"remove\",\"path\":\"title\"}]"),
                row("dropsAnAddOfNothingToAMultiValuedAttribute_R19", USER,
                        "[{\"op\":\"Add\",\"path\":\"emails\",\"value\":[]},{\"op\":\"Add\",\"path\":\"title\",\"value\":\"x\"}]",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void rewritesEntrasRequestIntoRfcForm(String name, ResourceType type, String raw, String corrected) {
        JsonNode body = patchBody(raw);
        JsonNode before = body.deepCopy();

        JsonNode normalised = EntraDialect.normalize(type, body);

        assertEquals(json(corrected), normalised.get("Operations"));
        assertEquals(before, body, "the input is never changed");
    }

    /** Q15: Entra sends no User-Agent, so every client goes through the dialect; RFC requests must pass unchanged. */
    static Stream<Arguments> rfcRequests() {
        return Stream.of(
                Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"),
                Arguments.of(USER, "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\",\"type\":\"work\"}]}]"),
                Arguments.of(USER, "[{\"op\":\"replace\",\"value\":{\"displayName\":\"B\",\"" + EXT + "\":{\"department\":\"x\"}}}]"),
                Arguments.of(USER, "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}]"),
                Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"" + EXT + ":manager\",\"value\":{\"value\":\"m\"}}]"),
                Arguments.of(USER, "[{\"op\":\"remove\",\"path\":\"title\"}]"),
                Arguments.of(USER, "[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"B\"}]"),
                Arguments.of(USER, "[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"admin\"}]}]"),
                Arguments.of(GROUP, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]"),
                Arguments.of(GROUP, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]"),
                Arguments.of(GROUP, "[{\"op\":\"remove\",\"path\":\"members\"}]"),
                Arguments.of(GROUP, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"G\"}]"));
    }

    @ParameterizedTest
    @MethodSource("rfcRequests")
    void leavesRfcRequestsUnchanged_Q15(ResourceType type, String operations) {
        assertEquals(json(operations), EntraDialect.normalize(type, patchBody(operations)).get("Operations"));
    }

    @Test
    void passesMalformedBodiesThroughForTheParserToReport() {
        JsonNode notAnObject = json("[1,2]");
        assertSame(notAnObject, EntraDialect.normalize(USER, notAnObject));
        assertEquals(json("{\"Operations\":\"x\"}"), EntraDialect.normalize(USER, json("{\"Operations\":\"x\"}")));
        assertEquals(json("[42,{\"op\":\"Remove\"}]").get(0),
                EntraDialect.normalize(USER, json("{\"Operations\":[42,{\"op\":\"Remove\"}]}")).get("Operations").get(0));
    }
}
