package dev.roster.scim.patch;

import static dev.roster.scim.TestJson.GROUP;
import static dev.roster.scim.TestJson.GROUP_DOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Group's members never touch the document; the request folds into one {@link MembershipChange}. */
class MembershipChangeTest {

    private static MembershipChange incremental(List<MemberRef> add, String... removeIds) {
        return new MembershipChange(false, add, new LinkedHashSet<>(List.of(removeIds)), false);
    }

    private static List<MemberRef> refs(String... ids) {
        return Stream.of(ids).map(MemberRef::of).toList();
    }

    /** Raw Entra requests, through the dialect, as the service applies them. */
    static Stream<Arguments> entraRequests() {
        return Stream.of(
                Arguments.of("addsEveryListedMemberWhenEntraAddsMembers_R34",
                        "[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"u1\"},"
                                + "{\"$ref\":null,\"value\":\"u2\"},{\"$ref\":null,\"value\":\"u3\"}]}]",
                        incremental(refs("u1", "u2", "u3"))),
                Arguments.of("removesOnlyListedMembersWhenEntraSendsValueList_Q4",
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}]",
                        incremental(List.of(), "u1", "u2")),
                Arguments.of("removesOneListedMemberWhenEntraSendsAValueListOfOne_Q4",
                        "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]",
                        incremental(List.of(), "u1")),
                Arguments.of("removesTheFilteredMemberWhenEntraUsesItsFlag_R35",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}]",
                        incremental(List.of(), "u1")),
                Arguments.of("removesMembersNamedByAnOrFilter",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\" or value eq \\\"u2\\\"]\"}]",
                        incremental(List.of(), "u1", "u2")),
                Arguments.of("readsAnUnquotedMemberIdInTheFilter_Q14",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq 2819c223-7f76-453a]\"}]",
                        incremental(List.of(), "2819c223-7f76-453a")),
                Arguments.of("keepsParenthesesInAQuotedMemberId_Q14",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"LACreateGroup-(1a2b)\\\"]\"}]",
                        incremental(List.of(), "LACreateGroup-(1a2b)")),
                Arguments.of("anAddThenARemoveOfTheSameIdNetsToARemove",
                        "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]},"
                                + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"U1\"}]}]",
                        incremental(refs("u2"), "U1")),
                Arguments.of("aRemoveThenAnAddOfTheSameIdNetsToAnAdd",
                        "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"},"
                                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]",
                        incremental(refs("u1"))),
                Arguments.of("aReplaceSetsExactlyTheListedMembers",
                        "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]",
                        new MembershipChange(true, refs("u1"), Set.of(), false)),
                Arguments.of("aReplaceThenARemoveLeavesTheRest",
                        "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]},"
                                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u2\\\"]\"}]",
                        new MembershipChange(true, refs("u1"), Set.of(), false)),
                Arguments.of("aRemoveWithoutValueOrFilterRemovesEveryMember",
                        "[{\"op\":\"remove\",\"path\":\"members\"}]",
                        new MembershipChange(false, List.of(), Set.of(), true)),
                Arguments.of("aReplaceWithAnEmptyListRemovesEveryMember",
                        "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]",
                        new MembershipChange(false, List.of(), Set.of(), true)),
                Arguments.of("aRemoveOfAllThenAnAddIsAReplace",
                        "[{\"op\":\"remove\",\"path\":\"members\"},"
                                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u9\"}]}]",
                        new MembershipChange(true, refs("u9"), Set.of(), false)),
                Arguments.of("anEmptyValueListRemovesNobody",
                        "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[]}]", MembershipChange.NONE),
                Arguments.of("i14_20_anEmptyStringValueRemovesNobody",
                        "[{\"op\":\"remove\",\"path\":\"members\",\"value\":\"\"}]", MembershipChange.NONE),
                Arguments.of("aDuplicateIdIsAddedOnce",
                        "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u1\"}]}]",
                        incremental(refs("u1"))),
                Arguments.of("aPathlessAddOfMembersAddsThem",
                        "[{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"u1\"}]}}]", incremental(refs("u1"))),
                Arguments.of("aMemberKeepsTypeAndDisplay",
                        "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"g2\",\"type\":\"group\","
                                + "\"display\":\"Admins\"},{\"value\":\"u1\",\"$ref\":\"https://x/scim/v2/Users/u1\"}]}]",
                        incremental(List.of(new MemberRef("g2", "Group", "Admins"), new MemberRef("u1", "User", null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entraRequests")
    void foldsMemberOperationsInOrder(String name, String operations, MembershipChange expected) {
        PatchOutcome outcome = Apply.entra(GROUP, GROUP_DOC, operations);

        assertEquals(expected, outcome.members());
        assertFalse(outcome.resource().has("members"));
        assertTrue(outcome.changedAttributes().isEmpty());
    }

    @Test
    void removesOnlyListedMembersEvenWithoutTheDialect_Q4() {
        PatchOutcome outcome = Apply.rfc(GROUP, GROUP_DOC,
                "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}]");

        assertEquals(incremental(List.of(), "u1"), outcome.members());
    }

    @Test
    void replacesDisplayNameAndMembersInOneRequest_R33() {
        PatchOutcome outcome = Apply.entra(GROUP, GROUP_DOC, """
                [{"op":"Replace","path":"displayName","value":"Sales EMEA"},
                 {"op":"Add","path":"members","value":[{"value":"u1"}]}]""");

        assertEquals("Sales EMEA", outcome.resource().get("displayName").textValue());
        assertEquals(Set.of("displayName"), outcome.changedAttributes());
        assertEquals(incremental(refs("u1")), outcome.members());
    }

    @Test
    void membersInTheStoredDocumentAreNeverCarriedOver() {
        PatchOutcome outcome = Apply.rfc(GROUP, """
                {"id":"g1","displayName":"Sales","members":[{"value":"u1"}]}""",
                "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"S\"}]");

        assertFalse(outcome.resource().has("members"));
        assertEquals(Set.of("displayName"), outcome.changedAttributes());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"display\":\"no id\"}]}]",
                        ScimType.INVALID_VALUE, "add members: \"members[0]\" has no \"value\"; each member needs the id of"
                                + " a user or group, such as {\"value\": \"2819c223-7f76-453a-919d-413861904646\"}"),
                Arguments.of("[{\"op\":\"add\",\"path\":\"members\",\"value\":[\"u1\"]}]", ScimType.INVALID_VALUE,
                        "add members: \"members[0]\" must be an object such as {\"value\": \"<member id>\"}; found \"u1\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"\"}]}]",
                        ScimType.INVALID_VALUE, null),
                Arguments.of("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\",\"type\":\"Device\"}]}]",
                        ScimType.INVALID_VALUE, "add members: \"members[0].type\" must be \"User\" or \"Group\"; found"
                                + " \"Device\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members[display eq \\\"Bob\\\"]\"}]", ScimType.INVALID_FILTER,
                        "remove members[display eq \"Bob\"]: members can be selected only by id: use"
                                + " members[value eq \"<id>\"], or several such terms joined by \"or\"; found"
                                + " members[display eq \"Bob\"]"),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\" and type eq \\\"User\\\"]\"}]",
                        ScimType.INVALID_FILTER, null),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members[value ne \\\"a\\\"]\"}]", ScimType.INVALID_FILTER,
                        null),
                Arguments.of("[{\"op\":\"add\",\"path\":\"members[value eq \\\"a\\\"]\",\"value\":{\"value\":\"a\"}}]",
                        ScimType.INVALID_PATH, null),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\"].display\"}]",
                        ScimType.INVALID_PATH, null),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"members.value\"}]", ScimType.INVALID_PATH, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesMemberOperationsItCannotApplyExactly(String operations, ScimType type, String detail) {
        ScimException error = assertThrows(ScimException.class, () -> Apply.entra(GROUP, GROUP_DOC, operations));

        assertEquals(type, error.scimType(), error::detail);
        if (detail != null) {
            assertEquals(detail, error.detail());
        }
    }

    @Test
    void changeRecordRejectsContradictions() {
        assertThrows(IllegalArgumentException.class, () -> new MembershipChange(true, List.of(), Set.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new MembershipChange(false, refs("a"), Set.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new MembershipChange(true, refs("a"), Set.of("b"), false));
        assertTrue(MembershipChange.NONE.isEmpty());
        assertFalse(incremental(List.of(), "x").isEmpty());
    }
}
