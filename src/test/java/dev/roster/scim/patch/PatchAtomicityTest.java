package dev.roster.scim.patch;

import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import static dev.roster.scim.TestJson.BJENSEN;
import static dev.roster.scim.TestJson.GROUP;
import static dev.roster.scim.TestJson.GROUP_DOC;
import static dev.roster.scim.TestJson.USER;
import static dev.roster.scim.TestJson.json;
import static dev.roster.scim.TestJson.object;
import static dev.roster.scim.TestJson.patchBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.wire.PatchRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7644 §3.5.2: all operations apply, or none; the stored document is never touched. */
class PatchAtomicityTest {

    @Test
    void aFailingThirdOperationLeavesTheInputUnchangedAndThrows() {
        ObjectNode current = object(BJENSEN);
        JsonNode before = current.deepCopy();
        List<PatchOp> operations = PatchRequest.parse(patchBody("""
                [{"op":"replace","path":"title","value":"Lead"},
                 {"op":"remove","path":"emails[type eq \\"home\\"]"},
                 {"op":"replace","path":"active","value":"perhaps"}]""")).operations();

        ScimException error = assertThrows(ScimException.class, () -> PatchEngine.apply(USER, current, operations));

        assertEquals(ScimType.INVALID_VALUE, error.scimType());
        assertEquals("replace active: \"active\" must be true or false; found \"perhaps\"", error.detail());
        assertEquals(before, current);
    }

    @Test
    void aFailingMemberOperationAfterOthersAppliesNothing() {
        ObjectNode current = object(GROUP_DOC);
        JsonNode before = current.deepCopy();
        List<PatchOp> operations = InstalledDialects.parse(GROUP, patchBody("""
                [{"op":"Replace","path":"displayName","value":"Renamed"},
                 {"op":"Add","path":"members","value":[{"value":"u1"}]},
                 {"op":"Add","path":"members","value":[{"display":"no id"}]}]"""), true).operations();

        assertThrows(ScimException.class, () -> PatchEngine.apply(GROUP, current, operations));
        assertEquals(before, current);
    }

    @Test
    void aSuccessfulPatchReturnsANewTreeAndLeavesTheInputAlone() {
        ObjectNode current = object(BJENSEN);
        JsonNode before = current.deepCopy();
        List<PatchOp> operations = PatchRequest.parse(patchBody("""
                [{"op":"add","path":"emails","value":[{"value":"n@x.org","primary":true}]},
                 {"op":"replace","path":"name.givenName","value":"Barb"},
                 {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]"""))
                .operations();

        PatchOutcome outcome = PatchEngine.apply(USER, current, operations);

        assertEquals(before, current);
        assertNotSame(current, outcome.resource());
        assertNotEquals(current, outcome.resource());
        assertEquals(true, current.at("/emails/0/primary").booleanValue());
    }

    @Test
    void theOutcomeSharesNoMutableNodeWithTheOperations() {
        ObjectNode value = object("{\"givenName\":\"Barb\"}");
        PatchOp op = new PatchOp.Replace(PatchPath.parse("name"), value);
        value.put("givenName", "changed after construction");

        PatchOutcome outcome = PatchEngine.apply(USER, object(BJENSEN), List.of(op));
        ((ObjectNode) op.value()).put("givenName", "changed after apply");

        assertEquals(json("\"Barb\""), outcome.resource().at("/name/givenName"));
    }

    @Test
    void anEmptyListOfOperationsChangesNothing() {
        PatchOutcome outcome = PatchEngine.apply(USER, object(BJENSEN), List.of());

        assertEquals(true, outcome.isNoOp());
    }
}
