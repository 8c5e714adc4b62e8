package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator over users.json and groups.json. Users: "bjensen@example.com" (full, enterprise data), "Mixed.Case@..."
 * (mixed-case ids, active as the string "False", empty title/name/phone, work/home emails crossed over, blink extension),
 * "zed" (no emails, enterprise data under an upper-case URN key).
 */
class FilterEvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BJENSEN = "bjensen@example.com";
    private static final String MIXED = "Mixed.Case@Example.COM";
    private static final String ZED = "zed";
    private static final String BLINK = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonNode users;
    private static JsonNode groups;
    private static SchemaRegistry registry;

    @BeforeAll
    static void load() throws IOException {
        users = read("users.json");
        groups = read("groups.json");
        registry = SchemaRegistry.standard().withExtension("User", Schema.of(BLINK, "BlinkUser", "Blink",
                AttributeDef.string("company"), AttributeDef.string("description"), AttributeDef.string("location"),
                AttributeDef.of("seats", AttributeType.DECIMAL)));
    }

    static Stream<Arguments> userFilters() {
        return Stream.of(
                // caseExact: userName is not, id and externalId are (RFC 7643 §4.1.1, §3.1)
                row("userName eq \"MIXED.case@example.com\"", List.of(MIXED)),
                row("externalId eq \"mixed-case-ext\"", List.of()),
                row("externalId eq \"MIXED-Case-Ext\"", List.of(MIXED)),
                row("id eq \"2819C223-7F76-453A-919D-413861904646\"", List.of()),
                row("id eq \"2819c223-7f76-453a-919d-413861904646\"", List.of(BJENSEN)),
                // multi-valued: any value matches
                row("emails.value ew \"@jensen.org\"", List.of(BJENSEN)),
                row("emails.type eq \"home\"", List.of(BJENSEN, MIXED)),
                row("emails.type ne \"work\"", List.of(BJENSEN, MIXED)),
                // complex multi-valued without sub-attribute compares "value"
                row("emails co \"@jensen.org\"", List.of(BJENSEN)),
                row("emails eq \"babs@jensen.org\"", List.of(BJENSEN)),
                // value paths: one element must satisfy everything
                row("emails[type eq \"work\" and value co \"@work\"]", List.of()),
                row("emails[type eq \"work\"].value co \"@work\"", List.of()),
                row("emails.type eq \"work\" and emails.value co \"@work\"", List.of(MIXED)),
                row("emails[type eq \"work\" and value co \"@home\"]", List.of(MIXED)),
                row("emails[type eq \"work\"].value co \"@home\"", List.of(MIXED)),
                row("emails[type eq \"work\"].value eq \"BJENSEN@example.com\"", List.of(BJENSEN)),
                row("emails[not (type eq \"work\")].value sw \"babs\"", List.of(BJENSEN)),
                row("emails[primary eq true]", List.of(BJENSEN)),
                row("emails[type eq \"work\"].primary pr", List.of(BJENSEN)),
                // pr: null, "", [] and {} are absent
                row("emails pr", List.of(BJENSEN, MIXED)),
                row("phoneNumbers pr", List.of(BJENSEN)),
                row("title pr", List.of(BJENSEN)),
                row("name pr", List.of(BJENSEN)),
                row("addresses pr", List.of()),
                row("nickName pr", List.of()),
                // null comparisons: eq null is absence, ne null presence; an absent attribute satisfies no comparison
                row("title eq null", List.of(MIXED, ZED)),
                row("title ne null", List.of(BJENSEN)),
                row("addresses eq null", List.of(BJENSEN, MIXED, ZED)),
                row("name eq null", List.of(MIXED, ZED)),
                row("title ne \"Tour Guide\"", List.of()),
                row("title ne \"x\"", List.of(BJENSEN)),
                // dateTimes compare as instants, whatever their offset
                row("meta.lastModified eq \"2011-05-13T04:42:34Z\"", List.of(BJENSEN, MIXED)),
                row("meta.lastModified gt \"2011-05-13T04:42:34Z\"", List.of(ZED)),
                row("meta.lastModified le \"2011-05-13T06:42:34+02:00\"", List.of(BJENSEN, MIXED)),
                row("meta.created lt \"2012-02-01T08:00:00.001Z\"", List.of(BJENSEN, MIXED)),
                row("meta.created lt \"2012-02-01T08:00:00Z\"", List.of(BJENSEN)),
                row("meta.created gt \"2020-06-30T23:59:59.998Z\"", List.of(ZED)),
                row("meta.created ge \"2020-06-30T23:59:59.999Z\"", List.of(ZED)),
                // booleans, also as Entra's "False" strings
                row("active eq true", List.of(BJENSEN)),
                row("active eq false", List.of(MIXED, ZED)),
                row("active ne true", List.of(MIXED, ZED)),
                row("active eq \"FALSE\"", List.of(MIXED, ZED)),
                // numbers: numeric order, scale ignored, numeric strings accepted
                row(BLINK + ":seats gt 10", List.of(MIXED)),
                row("seats le 3.5", List.of(ZED)),
                row("seats eq 12.00", List.of(MIXED)),
                row("seats eq \"12\"", List.of(MIXED)),
                row("seats lt 1.2E+1", List.of(ZED)),
                // strings order by code point, honouring caseExact
                row("userName gt \"l\"", List.of(MIXED, ZED)),
                row("externalId lt \"a\"", List.of(MIXED)),
                row("externalId lt \"A\"", List.of()),
                row("userName ge \"ZED\"", List.of(ZED)),
                // extensions: with URN, without (core first, then extensions), Entra's legacy dot form (Q17)
                row(ENTERPRISE + ":department eq \"tour operations\"", List.of(BJENSEN)),
                row("department eq \"r&d\"", List.of(ZED)),
                row(ENTERPRISE + ".department eq \"R&D\"", List.of(ZED)),
                row("manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", List.of(BJENSEN)),
                row(ENTERPRISE + ":manager.value pr", List.of(BJENSEN)),
                row("employeeNumber eq 701984", List.of(BJENSEN)),
                row(BLINK + ":company eq \"acme\"", List.of(MIXED)),
                row("company sw \"ACME\"", List.of(MIXED, ZED)),
                row("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:BLINK:2.0:USER:COMPANY ew \"corp\"", List.of(ZED)),
                // unknown attributes are absent: no match, no error
                row("nickname2 eq \"x\"", List.of()),
                row("foo pr", List.of()),
                row("foo ne \"x\"", List.of()),
                row("emails[foo ne \"x\"]", List.of()),
                row("not (foo eq \"x\")", List.of(BJENSEN, MIXED, ZED)),
                row("foo eq null", List.of(BJENSEN, MIXED, ZED)),
                row("foo gt 5 or userName eq \"zed\"", List.of(ZED)),
                row("emails[foo eq \"x\"]", List.of()),
                row("emails[not (foo eq \"x\")]", List.of(BJENSEN, MIXED)),
                row("nosuch[type eq \"x\"]", List.of()),
                row("emails.nosuch pr", List.of()),
                row("userName.sub eq \"x\"", List.of()),
                row("urn:unknown:schema:userName eq \"zed\"", List.of()),
                // logic
                row("userName eq \"zed\" or title pr and active eq true", List.of(BJENSEN, ZED)),
                row("(userName eq \"zed\" or title pr) and active eq true", List.of(BJENSEN)),
                row("not (emails pr) and userName pr", List.of(ZED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userFilters")
    void userFilterMatchesExactlyTheExpectedUsers(String filter, List<String> expected) {
        assertEquals(expected, matchingUsers(FilterParser.parse(filter), registry));
    }

    // ---- the filters Entra ID sends -------------------------------------------------------------------------------

    @Test
    void entraTestConnectionProbeR01FindsNobody() {
        assertEquals(List.of(), matchingUsers(FilterParser.parse("userName eq \"3f1c1f5e-9a4d-4c2b-8e7f-0a1b2c3d4e5f\""),
                registry));
    }

    @Test
    void entraMatchingQueriesR10FindExactlyOneUser() {
        assertEquals(List.of(BJENSEN), matchingUsers(FilterParser.parse("userName eq \"BJensen@Example.com\""), registry));
        assertEquals(List.of(BJENSEN), matchingUsers(FilterParser.parse("externalId eq \"bjensen-ext\""), registry));
        assertEquals(List.of(MIXED), matchingUsers(
                FilterParser.parse("emails[type eq \"work\"].value eq \"mixed@home.example\""), registry));
    }

    @Test
    void entraLegacyIdAndManagerQueryR23FindsTheUserThroughTheEnterpriseManager() {
        Filter filter = FilterParser.parseLenient("id eq 2819c223-7f76-453a-919d-413861904646"
                + " and manager eq 26118915-6090-4610-87e4-49d8ca9f808d");

        assertEquals(List.of(BJENSEN), matchingUsers(filter, registry));
    }

    @Test
    void entraGroupQueriesR02AndR30MatchDisplayNamesWithParentheses() {
        FilterEvaluator evaluator = new FilterEvaluator(registry.group());

        assertTrue(evaluator.matches(FilterParser.parse("displayName eq \"LACreateGroup-(1a2b3c4d)\""), groups.get(0)));
        assertFalse(evaluator.matches(FilterParser.parse("displayName eq \"LACreateGroup-(1a2b3c4d)\""), groups.get(1)));
        assertFalse(evaluator.matches(FilterParser.parse("displayName eq \"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d\""),
                groups.get(0)));
    }

    // ---- groups ---------------------------------------------------------------------------------------------------

    @Test
    void groupMembersMatchByValueTypeAndPresence() {
        FilterEvaluator evaluator = new FilterEvaluator(registry.group());
        Filter byValue = FilterParser.parse("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]");
        Filter groupMembers = FilterParser.parse("members.type eq \"group\"");
        Filter anyMembers = FilterParser.parse("members pr");

        assertEquals(List.of(true, false), evaluate(evaluator, byValue, groups));
        assertEquals(List.of(true, false), evaluate(evaluator, groupMembers, groups));
        assertEquals(List.of(true, false), evaluate(evaluator, anyMembers, groups));
    }

    // ---- type errors ----------------------------------------------------------------------------------------------

    static Stream<Arguments> typeErrors() {
        return Stream.of(
                row("active gt \"x\"", "\"active\" is a boolean attribute: \"gt\" does not apply to booleans; use eq or ne"),
                row("active co \"t\"", "\"active\" is a boolean attribute: \"co\" does not apply to booleans; use eq or ne"),
                row("active eq \"yes\"", "\"active\" is a boolean attribute: compare it with true or false"),
                row("meta.lastModified gt \"yesterday\"", "\"meta.lastModified\" is a dateTime attribute: compare it"
                        + " with an xsd:dateTime string such as \"2011-05-13T04:42:34Z\""),
                row("meta.created eq 2010", "\"meta.created\" is a dateTime attribute: compare it with an xsd:dateTime"
                        + " string such as \"2011-05-13T04:42:34Z\""),
                row("meta.created co \"2010\"", "\"meta.created\" is a dateTime attribute: \"co\" applies to strings"
                        + " only; compare dateTimes with eq, ne, gt, ge, lt or le"),
                row("seats sw \"1\"", "\"seats\" is a decimal attribute: \"sw\" applies to strings only"),
                row("seats eq \"twelve\"", "\"seats\" is a decimal attribute: compare it with a number"),
                row("x509Certificates.value gt \"a\"", "\"x509Certificates.value\" is a binary attribute: \"gt\" cannot"
                        + " order binary values; use eq or ne"),
                row("name eq \"Barbara\"", "\"name\" is a complex attribute; compare one of its sub-attributes, such as"
                        + " \"name.formatted\""),
                row("userName[value eq \"x\"]", "\"userName\" is a string attribute; value filters such as"
                        + " emails[type eq \"work\"] apply to complex attributes"),
                row("userName pr or active gt \"x\"", "\"active\" is a boolean attribute: \"gt\" does not apply to"
                        + " booleans; use eq or ne"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrors")
    void comparisonTheAttributeTypeCannotTakeIsInvalidFilterAtCompileTime(String filter, String detail) {
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());

        ScimException error = assertThrows(ScimException.class, () -> evaluator.compile(FilterParser.parse(filter)));

        assertEquals(ScimType.INVALID_FILTER, error.scimType());
        assertEquals(detail, error.detail());
    }

    // ---- resource shapes ------------------------------------------------------------------------------------------

    @Test
    void memberNamesInTheResourceAreMatchedIgnoringCase() throws IOException {
        JsonNode shouting = JSON.readTree("{\"USERNAME\":\"Bob\",\"Emails\":[{\"VALUE\":\"b@x.org\",\"Type\":\"work\"}]}");
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());

        assertTrue(evaluator.matches(FilterParser.parse("userName eq \"bob\""), shouting));
        assertTrue(evaluator.matches(FilterParser.parse("emails[type eq \"work\"].value eq \"b@x.org\""), shouting));
    }

    @Test
    void memberNamesMatchIgnoringAsciiCaseOnlyNotUnicodeLookAlikes() throws IOException {
        // "\u017f" (long s) upper-cases to "S"; String.equalsIgnoreCase would take "u\u017ferName" for userName.
        JsonNode lookAlike = JSON.readTree("{\"u\u017ferName\":\"bob\"}");
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());

        assertFalse(evaluator.matches(FilterParser.parse("userName eq \"bob\""), lookAlike));
    }

    @Test
    void nonObjectResourcesMatchNothingAndNeverThrow() throws IOException {
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());
        CompiledFilter present = evaluator.compile(FilterParser.parse("userName pr or emails[type pr]"));

        assertFalse(present.matches(JSON.readTree("[1,2]")));
        assertFalse(present.matches(JSON.readTree("\"text\"")));
        assertFalse(present.matches(JSON.readTree("{\"userName\":{\"x\":[]},\"emails\":\"work\"}")));
        assertFalse(present.matches(null));
    }

    @Test
    void customExtensionAttributesAreUnknownToARegistryWithoutTheExtension() {
        Filter filter = FilterParser.parse(BLINK + ":company eq \"acme\"");

        assertEquals(List.of(MIXED), matchingUsers(filter, registry));
        assertEquals(List.of(), matchingUsers(filter, SchemaRegistry.standard()));
    }

    // ---- the PATCH engine's element filter ------------------------------------------------------------------------

    @Test
    void elementFilterTestsOneElementOfAMultiValuedAttribute() throws IOException {
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());
        JsonNode work = JSON.readTree("{\"value\":\"a@x.org\",\"type\":\"Work\"}");
        JsonNode home = JSON.readTree("{\"value\":\"b@x.org\",\"type\":\"home\"}");
        PathExpression path = PathParser.parse("emails[type eq \"work\"].value");

        CompiledFilter selector = evaluator.compileElementFilter(path.attribute(), path.valueFilter());

        assertTrue(selector.matches(work));
        assertFalse(selector.matches(home));
        assertFalse(evaluator.matchesElement(AttrPath.of("emails"), FilterParser.parse("nosuch eq \"work\""), work));
    }

    @Test
    void elementFilterSelectsGroupMembersByValue() throws IOException {
        FilterEvaluator evaluator = new FilterEvaluator(registry.group());
        PathExpression path = PathParser.parse("members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"]");
        List<Boolean> selected = new ArrayList<>();

        for (JsonNode member : groups.get(0).get("members")) {
            selected.add(evaluator.matchesElement(path.attribute(), path.valueFilter(), member));
        }

        assertEquals(List.of(false, true), selected);
    }

    @Test
    void elementFilterOnASimpleAttributeIsInvalidFilter() {
        FilterEvaluator evaluator = new FilterEvaluator(registry.user());

        ScimException error = assertThrows(ScimException.class, () -> evaluator.compileElementFilter(
                AttrPath.of("userName"), FilterParser.parse("value eq \"x\"")));

        assertEquals(ScimType.INVALID_FILTER, error.scimType());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static List<String> matchingUsers(Filter filter, SchemaRegistry schemas) {
        CompiledFilter compiled = new FilterEvaluator(schemas.user()).compile(filter);
        List<String> names = new ArrayList<>();
        for (JsonNode user : users) {
            if (compiled.matches(user)) {
                names.add(user.get("userName").asText());
            }
        }
        return names;
    }

    private static List<Boolean> evaluate(FilterEvaluator evaluator, Filter filter, JsonNode resources) {
        List<Boolean> results = new ArrayList<>();
        for (JsonNode resource : resources) {
            results.add(evaluator.matches(filter, resource));
        }
        return results;
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = FilterEvaluatorTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    private static Arguments row(Object... values) {
        return Arguments.of(values);
    }
}
