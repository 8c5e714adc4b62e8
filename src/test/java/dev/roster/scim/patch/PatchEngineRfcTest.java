package dev.roster.scim.patch;

import static dev.roster.scim.TestJson.BJENSEN;
import static dev.roster.scim.TestJson.ENTERPRISE;
import static dev.roster.scim.TestJson.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.scim.TestJson;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7644 §3.5.2 operation by operation, in RFC form (no dialect), against {@link TestJson#BJENSEN}. */
class PatchEngineRfcTest {

    private static final String DEPARTMENT = "/" + ENTERPRISE + "/department";
    private static final String MANAGER = "/" + ENTERPRISE + "/manager";

    private static Arguments row(String name, String operations, String changed, String... expectations) {
        return Arguments.of(name, operations, changed, Expectations.of(expectations));
    }

    static Stream<Arguments> add() {
        return Stream.of(
                row("addSetsAnAbsentSingleValuedAttribute",
                        "[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"Babs\"}]", "nickName",
                        "/nickName", "\"Babs\""),
                row("addReplacesAPresentSingleValuedAttribute",
                        "[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Lead Guide\"}]", "title",
                        "/title", "\"Lead Guide\""),
                row("addAppendsToAMultiValuedAttribute",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"b@other.org\",\"type\":\"other\"}]}]",
                        "emails",
                        "/emails/0/value", "\"bjensen@example.com\"", "/emails/2",
                        "{\"value\":\"b@other.org\",\"type\":\"other\"}"),
                row("addTakesASingleObjectAsOneNewValue",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":{\"value\":\"b@other.org\"}}]", "emails",
                        "/emails/2", "{\"value\":\"b@other.org\"}"),
                row("addSkipsAValueThatIsAlreadyPresent",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"home\",\"value\":\"babs@jensen.org\"}]}]",
                        "", "/emails/2", null),
                row("addOfANewPrimaryClearsTheOldPrimary_RFC7643_2_4",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"n@x.org\",\"primary\":true}]}]",
                        "emails", "/emails/0/primary", "false", "/emails/2/primary", "true"),
                row("addMergesSubAttributesIntoAComplexAttribute",
                        "[{\"op\":\"add\",\"path\":\"name\",\"value\":{\"middleName\":\"Jane\"}}]", "name",
                        "/name", "{\"givenName\":\"Barbara\",\"familyName\":\"Jensen\",\"middleName\":\"Jane\"}"),
                row("addSetsASubAttributeByPath",
                        "[{\"op\":\"add\",\"path\":\"name.honorificPrefix\",\"value\":\"Ms.\"}]", "name",
                        "/name/honorificPrefix", "\"Ms.\"", "/name/givenName", "\"Barbara\""),
                row("addWithAValueFilterMergesIntoTheMatchingElement",
                        "[{\"op\":\"add\",\"path\":\"addresses[type eq \\\"work\\\"]\",\"value\":{\"postalCode\":\"91608\"}}]",
                        "addresses",
                        "/addresses/0/postalCode", "\"91608\"", "/addresses/0/locality", "\"Hollywood\""),
                row("addByUrnPathSetsAnExtensionAttribute",
                        "[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":division\",\"value\":\"Theme Park\"}]",
                        ENTERPRISE + ":division",
                        "/" + ENTERPRISE + "/division", "\"Theme Park\"", DEPARTMENT, "\"Tour Operations\""),
                row("pathlessAddAppliesEachMember",
                        "[{\"op\":\"add\",\"value\":{\"nickName\":\"Babs\",\"name\":{\"middleName\":\"J\"},"
                                + "\"emails\":[{\"value\":\"c@x.org\",\"type\":\"other\"}]}}]",
                        "emails,name,nickName",
                        "/nickName", "\"Babs\"", "/name/middleName", "\"J\"", "/name/givenName", "\"Barbara\"",
                        "/emails/2/value", "\"c@x.org\"", "/emails/0/value", "\"bjensen@example.com\""),
                row("pathlessAddOfAnExtensionObjectMergesItsAttributes",
                        "[{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"costCenter\":\"4130\"}}}]",
                        ENTERPRISE + ":costCenter",
                        "/" + ENTERPRISE + "/costCenter", "\"4130\"", DEPARTMENT, "\"Tour Operations\""),
                row("addOfNullToAMultiValuedAttributeAddsNothing",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":null}]", "",
                        "/emails/1/value", "\"babs@jensen.org\""));
    }

    static Stream<Arguments> replace() {
        return Stream.of(
                row("replaceSetsASingleValuedAttribute_R13",
                        "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"babs\"}]", "userName",
                        "/userName", "\"babs\""),
                row("replaceOfAMultiValuedAttributeReplacesEveryValue",
                        "[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"only@x.org\"}]}]", "emails",
                        "/emails", "[{\"value\":\"only@x.org\"}]"),
                row("replaceOfAComplexAttributeKeepsTheSubAttributesNotSent",
                        "[{\"op\":\"replace\",\"path\":\"name\",\"value\":{\"familyName\":\"Jensen-Smith\"}}]", "name",
                        "/name", "{\"givenName\":\"Barbara\",\"familyName\":\"Jensen-Smith\"}"),
                row("i14_20_aOneElementArrayOnAFilteredPathIsItsValue",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":[\"bj@corp.example\"]}]",
                        "emails", "/emails/0/value", "\"bj@corp.example\""),
                row("replaceOfTheFilteredSubAttributeChangesOnlyMatchingElements",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"bj@corp.example\"}]",
                        "emails",
                        "/emails/0/value", "\"bj@corp.example\"", "/emails/0/type", "\"work\"",
                        "/emails/1/value", "\"babs@jensen.org\""),
                row("replaceWithAFilterAndNoSubAttributeReplacesTheWholeElement",
                        "[{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"]\","
                                + "\"value\":{\"type\":\"work\",\"streetAddress\":\"911 Universal City Plaza\"}}]",
                        "addresses",
                        "/addresses", "[{\"type\":\"work\",\"streetAddress\":\"911 Universal City Plaza\"}]"),
                row("replaceWithTheCurrentValueChangesNothing",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Tour Guide\"}]", "",
                        "/title", "\"Tour Guide\""),
                row("replaceOfASubAttributeByPath",
                        "[{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Jensen-Smith\"}]", "name",
                        "/name/familyName", "\"Jensen-Smith\"", "/name/givenName", "\"Barbara\""),
                row("replaceFilteredByPrimary",
                        "[{\"op\":\"replace\",\"path\":\"emails[primary eq true].value\",\"value\":\"p@x.org\"}]",
                        "emails", "/emails/0/value", "\"p@x.org\""),
                row("replaceMarkingAnotherElementPrimaryClearsTheOldPrimary",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":true}]",
                        "emails", "/emails/0/primary", "false", "/emails/1/primary", "true"),
                row("pathlessReplaceReplacesMultiValuedAttributesWhole",
                        "[{\"op\":\"replace\",\"value\":{\"emails\":[{\"value\":\"x@y.org\"}],\"title\":\"Lead\"}}]",
                        "emails,title", "/emails", "[{\"value\":\"x@y.org\"}]", "/title", "\"Lead\""),
                row("replaceWithNullUnassignsTheAttribute",
                        "[{\"op\":\"replace\",\"path\":\"title\",\"value\":null}]", "title", "/title", null),
                row("replaceOfAPathNamingTheExtensionSchemaMergesItsAttributes",
                        "[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + "\",\"value\":{\"department\":\"Rides\"}}]",
                        ENTERPRISE + ":department", DEPARTMENT, "\"Rides\"", MANAGER, "{\"value\":\"m-1\"}"),
                row("replaceExternalIdACommonAttribute",
                        "[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"EXT-2\"}]", "externalId",
                        "/externalId", "\"EXT-2\""));
    }

    static Stream<Arguments> remove() {
        return Stream.of(
                row("removeUnassignsASingleValuedAttribute",
                        "[{\"op\":\"remove\",\"path\":\"title\"}]", "title", "/title", null),
                row("removeOfAMultiValuedAttributeWithoutFilterRemovesEveryValue",
                        "[{\"op\":\"remove\",\"path\":\"emails\"}]", "emails", "/emails", null),
                row("removeWithAFilterRemovesOnlyTheMatchingElements",
                        "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]", "emails",
                        "/emails", "[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}]"),
                row("removingTheLastElementUnassignsTheAttribute",
                        "[{\"op\":\"remove\",\"path\":\"addresses[type eq \\\"work\\\"]\"}]", "addresses",
                        "/addresses", null),
                row("removeOfAFilteredSubAttributeKeepsTheRestOfTheElement",
                        "[{\"op\":\"remove\",\"path\":\"addresses[type eq \\\"work\\\"].locality\"}]", "addresses",
                        "/addresses", "[{\"type\":\"work\",\"formatted\":\"100 Universal City Plaza\"}]"),
                row("removeOfASubAttribute",
                        "[{\"op\":\"remove\",\"path\":\"name.givenName\"}]", "name",
                        "/name", "{\"familyName\":\"Jensen\"}"),
                row("removingTheLastSubAttributeUnassignsTheComplexAttribute",
                        "[{\"op\":\"remove\",\"path\":\"name.givenName\"},{\"op\":\"remove\",\"path\":\"name.familyName\"}]",
                        "name", "/name", null),
                row("removeOfAnExtensionAttributeKeepsTheOthers",
                        "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":department\"}]", ENTERPRISE + ":department",
                        DEPARTMENT, null, MANAGER, "{\"value\":\"m-1\"}"),
                row("removingEveryExtensionAttributeRemovesTheObjectAndItsSchema",
                        "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":department\"},"
                                + "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager\"}]",
                        ENTERPRISE + ":department," + ENTERPRISE + ":manager",
                        "/" + ENTERPRISE, null, "/schemas", "[\"urn:ietf:params:scim:schemas:core:2.0:User\"]"),
                row("removeOfAPathNamingTheExtensionSchemaRemovesTheObject",
                        "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}]",
                        ENTERPRISE + ":department," + ENTERPRISE + ":manager", "/" + ENTERPRISE, null),
                row("removeOfAnAbsentAttributeChangesNothing",
                        "[{\"op\":\"remove\",\"path\":\"nickName\"}]", "", "/nickName", null),
                row("removeWithAFilterMatchingNothingChangesNothing",
                        "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"other\\\"]\"}]", "",
                        "/emails/1/value", "\"babs@jensen.org\""),
                row("removeOfTheManagerByItsIdFilter_R15",
                        "[{\"op\":\"remove\",\"path\":\"manager[value eq \\\"m-1\\\"]\"}]", ENTERPRISE + ":manager",
                        MANAGER, null),
                row("removeOfTheManagerByAnotherIdKeepsTheCurrentManager",
                        "[{\"op\":\"remove\",\"path\":\"manager[value eq \\\"m-2\\\"]\"}]", "",
                        MANAGER, "{\"value\":\"m-1\"}"),
                row("addThenRemoveOfTheSameValueChangesNothing",
                        "[{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"B\"},{\"op\":\"remove\",\"path\":\"nickName\"}]",
                        "", "/nickName", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"add", "replace", "remove"})
    void appliesOperationAsRfc7644Says(String name, String operations, String changed, Expectations expectations) {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN, operations);

        expectations.check(outcome.resource());
        assertEquals(Expectations.names(changed), new TreeSet<>(outcome.changedAttributes()));
        assertEquals(MembershipChange.NONE, outcome.members());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("removeOfARequiredAttributeIsAMutabilityError",
                        "[{\"op\":\"remove\",\"path\":\"userName\"}]", ScimType.MUTABILITY,
                        "remove userName: \"userName\" is required; it cannot be removed or set to an empty value"
                                + " (RFC 7644 §3.5.2.2)"),
                Arguments.of("clearingARequiredAttributeIsAMutabilityError",
                        "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]", ScimType.MUTABILITY,
                        "replace userName: \"userName\" is required; it cannot be removed or set to an empty value"
                                + " (RFC 7644 §3.5.2.2)"),
                Arguments.of("aPathNamingAReadOnlyAttributeIsAMutabilityError",
                        "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}]", ScimType.MUTABILITY,
                        "replace id: \"id\" is read-only: the service provider sets it, and clients cannot change it"
                                + " (RFC 7643 §7)"),
                Arguments.of("aPathNamingAReadOnlySubAttributeIsAMutabilityError",
                        "[{\"op\":\"replace\",\"path\":\"meta.lastModified\",\"value\":\"2020-01-01T00:00:00Z\"}]",
                        ScimType.MUTABILITY, null),
                Arguments.of("groupsAreReadOnlyOnAUser",
                        "[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g1\"}]}]", ScimType.MUTABILITY,
                        null),
                Arguments.of("anUnknownCoreAttributeIsAnInvalidPath",
                        "[{\"op\":\"replace\",\"path\":\"nickname2\",\"value\":\"x\"}]", ScimType.INVALID_PATH,
                        "replace nickname2: \"nickname2\" is not a User attribute; check the spelling against /Schemas,"
                                + " or register an extension schema for it"),
                Arguments.of("anUnknownSubAttributeIsAnInvalidPath",
                        "[{\"op\":\"replace\",\"path\":\"name.nick\",\"value\":\"x\"}]", ScimType.INVALID_PATH,
                        "replace name.nick: \"name.nick\": \"name\" has no sub-attribute \"nick\"; its sub-attributes"
                                + " are formatted, familyName, givenName, middleName, honorificPrefix, honorificSuffix"),
                Arguments.of("anUnknownSubAttributeAfterAFilterIsAnInvalidPath",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].address\",\"value\":\"x\"}]",
                        ScimType.INVALID_PATH, null),
                Arguments.of("anUnknownAttributeOfARegisteredExtensionIsAnInvalidPath",
                        "[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":badge\",\"value\":\"x\"}]",
                        ScimType.INVALID_PATH, null),
                Arguments.of("aReplaceWhoseFilterMatchesNothingAndDescribesNoElementIsNoTarget",
                        "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"other\\\" or type eq \\\"x\\\"].value\","
                                + "\"value\":\"a@b.c\"}]",
                        ScimType.NO_TARGET, null),
                Arguments.of("aValueOfTheWrongTypeIsAnInvalidValueNamingTheAttribute",
                        "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]", ScimType.INVALID_VALUE,
                        "replace active: \"active\" must be true or false; found \"maybe\""),
                Arguments.of("aScalarForAComplexAttributeWithoutValueIsAnInvalidValue",
                        "[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"Babs\"}]", ScimType.INVALID_VALUE,
                        "replace name: \"name\" must be an object such as {\"formatted\": ...}; found \"Babs\""),
                Arguments.of("twoPrimariesInOneValueAreAnInvalidValue",
                        "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x\",\"primary\":true},"
                                + "{\"value\":\"b@x\",\"primary\":true}]}]",
                        ScimType.INVALID_VALUE, "add emails: \"emails\" has 2 values marked \"primary\": true; at most one"
                                + " may be primary (RFC 7643 §2.4)"),
                Arguments.of("aPathlessAddNeedsAnObject",
                        "[{\"op\":\"add\",\"value\":\"Babs\"}]", ScimType.INVALID_VALUE,
                        "add without a path: an operation without a \"path\" needs an object whose members are the"
                                + " attributes to set, such as {\"displayName\": \"Babs Jensen\"}; found \"Babs\""),
                Arguments.of("aFilterThatDoesNotFitItsAttributeIsAnInvalidFilter",
                        "[{\"op\":\"replace\",\"path\":\"emails[primary gt true].value\",\"value\":\"x\"}]",
                        ScimType.INVALID_FILTER, null),
                Arguments.of("aFilterOnASimpleAttributeIsAnInvalidFilter",
                        "[{\"op\":\"remove\",\"path\":\"title[value eq \\\"x\\\"]\"}]", ScimType.INVALID_FILTER,
                        null),
                Arguments.of("removingTheCoreSchemaIsAnInvalidPath",
                        "[{\"op\":\"remove\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}]",
                        ScimType.INVALID_PATH, null),
                Arguments.of("aSingleValuedComplexAttributeTakesOneValue",
                        "[{\"op\":\"replace\",\"path\":\"manager\",\"value\":[{\"value\":\"a\"},{\"value\":\"b\"}]}]",
                        ScimType.INVALID_VALUE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void refusesWhatRfc7644Refuses(String name, String operations, ScimType type, String detail) {
        ScimException error = assertThrows(ScimException.class, () -> Apply.rfc(USER, BJENSEN, operations));

        assertEquals(type, error.scimType(), error::detail);
        assertEquals(400, error.status());
        if (detail != null) {
            assertEquals(detail, error.detail());
        }
    }
}
