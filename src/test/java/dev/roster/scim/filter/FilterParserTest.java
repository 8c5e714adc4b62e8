package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.filter.Filter.And;
import dev.roster.scim.filter.Filter.Compare;
import dev.roster.scim.filter.Filter.Not;
import dev.roster.scim.filter.Filter.Or;
import dev.roster.scim.filter.Filter.Present;
import dev.roster.scim.filter.Filter.ValuePath;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    // ---- valid filters and their canonical printing -----------------------------------------------------------------

    static Stream<Arguments> validFilters() {
        return Stream.of(
                // RFC 7644 §3.4.2.2 examples
                row("userName eq \"bjensen\"", "userName eq \"bjensen\""),
                row("name.familyName co \"O'Malley\"", "name.familyName co \"O'Malley\""),
                row("userName sw \"J\"", "userName sw \"J\""),
                row("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""),
                row("title pr", "title pr"),
                row("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "meta.lastModified gt \"2011-05-13T04:42:34Z\""),
                row("meta.lastModified ge \"2011-05-13T04:42:34Z\"", "meta.lastModified ge \"2011-05-13T04:42:34Z\""),
                row("meta.lastModified lt \"2011-05-13T04:42:34Z\"", "meta.lastModified lt \"2011-05-13T04:42:34Z\""),
                row("meta.lastModified le \"2011-05-13T04:42:34Z\"", "meta.lastModified le \"2011-05-13T04:42:34Z\""),
                row("title pr and userType eq \"Employee\"", "title pr and userType eq \"Employee\""),
                row("title pr or userType eq \"Intern\"", "title pr or userType eq \"Intern\""),
                row("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
                        "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\""),
                row("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"),
                row("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                        "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")"),
                row("userType eq \"Employee\" and (emails.type eq \"work\")",
                        "userType eq \"Employee\" and emails.type eq \"work\""),
                row("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]"),
                row("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]"),
                // enterprise extension with a URN holding dots and colons
                row("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\""),
                // case of operators and keywords is free; names keep their spelling
                row("USERNAME EQ \"bjensen\"", "USERNAME eq \"bjensen\""),
                row("title PR AND NOT (userType Eq \"x\") Or a pr", "title pr and not (userType eq \"x\") or a pr"),
                row("a eq TRUE", "a eq true"),
                row("a ne Null", "a ne null"),
                // whitespace is normalised
                row("  userName   eq\t\"x\"  ", "userName eq \"x\""),
                row("not(a pr)", "not (a pr)"),
                // literals
                row("a eq false", "a eq false"),
                row("a gt 10", "a gt 10"),
                row("a ge -1.50", "a ge -1.50"),
                row("a lt 1e3", "a lt 1E+3"),
                row("a le 1E-7", "a le 1E-7"),
                row("a le 0.000001", "a le 0.000001"),
                row("a eq -0", "a eq 0"),
                row("a eq \"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"",
                        "a eq \"esc \\\" \\\\ / \\b \\f \\n \\r \\t \u00e9 \ud83d\ude00\""),
                row("a eq \"\"", "a eq \"\""),
                // grouping: redundant parentheses go, needed ones stay, nested same-kind groups are kept
                row("((a pr))", "a pr"),
                row("(a pr or b pr) and c pr", "(a pr or b pr) and c pr"),
                row("(a pr and b pr) or c pr", "a pr and b pr or c pr"),
                row("a pr and (b pr and c pr)", "a pr and (b pr and c pr)"),
                row("a pr or (b pr or c pr)", "a pr or (b pr or c pr)"),
                row("userName eq \"x\" and not (emails pr) or id eq \"1\"",
                        "userName eq \"x\" and not (emails pr) or id eq \"1\""),
                // value paths
                row("emails[type eq \"work\"]", "emails[type eq \"work\"]"),
                row("emails[type eq \"work\"].value eq \"x\"", "emails[type eq \"work\"].value eq \"x\""),
                row("emails[not (type eq \"work\")]", "emails[not (type eq \"work\")]"),
                row("emails[(type eq \"work\")]", "emails[type eq \"work\"]"),
                row("members[value eq \"1\"].display pr", "members[value eq \"1\"].display pr"),
                row("members.$ref eq \"https://example.com/v2/Users/1\"",
                        "members.$ref eq \"https://example.com/v2/Users/1\""),
                // SCIM reserves no words: attributes may be called and, or, not, pr
                row("and pr or or pr", "and pr or or pr"),
                row("not eq \"x\"", "not eq \"x\""),
                row("pr pr", "pr pr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFilters")
    void validFilterPrintsInCanonicalFormAndReadsBackEqual(String input, String canonical) {
        Filter parsed = FilterParser.parse(input);

        assertEquals(canonical, FilterPrinter.print(parsed));
        assertEquals(parsed, FilterParser.parse(canonical));
    }

    // ---- invalid filters: column and expectation ------------------------------------------------------------------

    static Stream<Arguments> invalidFilters() {
        String op = "expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or \"pr\" after ";
        String value = "expected a value after \"eq\": a string in double quotes, a number, true, false or null; found ";
        String names = "; names start with a letter and hold letters, digits, \"-\" and \"_\" (RFC 7643 §2.1)";
        return Stream.of(
                row("", "at column 1: the filter is empty; expected an attribute path such as userName"),
                row("   ", "at column 1: the filter is empty; expected an attribute path such as userName"),
                row("userName equals \"x\"", "at column 10: " + op + "\"userName\", found \"equals\""),
                row("userName", "at column 9: " + op + "\"userName\", found the end of the filter"),
                row("userName = \"x\"", "at column 10: " + op + "\"userName\", found \"=\""),
                row("userName eq", "at column 12: " + value + "the end of the filter"),
                row("userName eq john@x.com", "at column 13: " + value + "\"john@x.com\""),
                row("userName eq 01", "at column 13: " + value + "\"01\""),
                row("userName eq 1.", "at column 13: " + value + "\"1.\""),
                row("userName eq \"abc", "at column 13: the string starting here has no closing double quote"),
                row("a eq \"x\\q\"", "at column 8: \"\\q\" is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r,"
                        + " \\t or \\uXXXX"),
                row("a eq \"\\u12G4\"", "at column 7: \\u must be followed by four hexadecimal digits"),
                row("a eq \"\\u12\"", "at column 7: \\u must be followed by four hexadecimal digits"),
                row("a eq \"tab\t\"", "at column 10: a control character inside a string must be escaped as \\u0009"),
                row("(userName pr", "at column 13: expected \"and\", \"or\" or \")\" to close the \"(\" at column 1, found"
                        + " the end of the filter"),
                row("a pr and (b pr or (c pr)", "at column 25: expected \"and\", \"or\" or \")\" to close the \"(\" at"
                        + " column 10, found the end of the filter"),
                row("userName pr)", "at column 12: \")\" has no matching \"(\""),
                row("userName pr userName pr", "at column 13: expected \"and\", \"or\" or the end of the filter, found"
                        + " \"userName\""),
                row("title pr \"x\"", "at column 10: expected \"and\", \"or\" or the end of the filter, found the string"
                        + " \"x\""),
                row("not userName pr", "at column 5: expected \"(\" after \"not\", found \"userName\""),
                row("userName pr and", "at column 16: expected an attribute path, \"(\" or \"not\", found the end of the"
                        + " filter"),
                row("userName eq \"x\" or", "at column 19: expected an attribute path, \"(\" or \"not\", found the end of"
                        + " the filter"),
                row("\"userName\" eq \"x\"", "at column 1: expected an attribute path, \"(\" or \"not\", found the string"
                        + " \"userName\""),
                row("[a pr]", "at column 1: expected an attribute path, \"(\" or \"not\", found \"[\""),
                row("()", "at column 2: expected an attribute path, \"(\" or \"not\", found \")\""),
                row("emails[type eq \"work\"", "at column 22: expected \"and\", \"or\" or \"]\" to close the \"[\" at"
                        + " column 7, found the end of the filter"),
                row("emails[type eq \"work\"]]", "at column 23: \"]\" has no matching \"[\""),
                row("emails.value[type eq \"work\"]", "at column 13: a value filter applies to a multi-valued attribute,"
                        + " not to the sub-attribute \"emails.value\"; write emails[...].value"),
                row("emails[type[value pr]]", "at column 12: value filters cannot be nested inside the value filter of"
                        + " \"emails\""),
                row("emails[urn:x:type eq \"work\"]", "at column 8: inside the value filter of \"emails\", name one of"
                        + " its sub-attributes (such as value or type), not \"urn:x:type\""),
                row("emails[type eq \"work\"].value", "at column 29: " + op + "\".value\", found the end of the filter"),
                row("emails[type eq \"work\"]. eq \"x\"", "at column 24: expected an attribute name" + names),
                row("a.b.c pr", "at column 3: \"a.b.c\" has more than one sub-attribute; SCIM attributes nest one level"
                        + " only"),
                row("1abc pr", "at column 1: \"1abc\" is not an attribute name" + names),
                row("user_name! eq \"x\"", "at column 1: \"user_name!\" is not an attribute name" + names),
                row("urn:foo: pr", "at column 9: expected an attribute name after the schema URN \"urn:foo\""),
                row("a gt true", "at column 3: \"gt\" cannot compare booleans; use \"eq\" or \"ne\""),
                row("a lt null", "at column 3: \"lt\" cannot compare with null; use \"eq null\", \"ne null\" or \"pr\""),
                row("a co 5", "at column 3: \"co\" compares strings; put the value in double quotes"),
                row("a sw true", "at column 3: \"sw\" cannot compare booleans; use \"eq\" or \"ne\""),
                // keywords and literals are ASCII: Unicode look-alikes of "s" are not keywords
                row("a eq fal\u017fe", "at column 6: " + value + "\"fal\u017fe\""),
                row("a \u017fw \"x\"", "at column 3: " + op + "\"a\", found \"\u017fw\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFilters")
    void malformedFilterIsInvalidFilterNamingColumnAndExpectation(String input, String detail) {
        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(input));

        assertEquals(ScimType.INVALID_FILTER, error.scimType());
        assertEquals(400, error.status());
        assertEquals(detail, error.detail());
    }

    @Test
    void nullFilterIsInvalidFilterNotNullPointer() {
        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(null));

        assertEquals(ScimType.INVALID_FILTER, error.scimType());
    }

    // ---- precedence: not > and > or (RFC 7644 §3.4.2.2) -----------------------------------------------------------

    static Stream<Arguments> precedence() {
        return Stream.of(
                row("a pr or b pr and c pr", "a pr or (b pr and c pr)"),
                row("a pr and b pr or c pr", "(a pr and b pr) or c pr"),
                row("not (a pr) and b pr", "(not (a pr)) and b pr"),
                row("not (a pr or b pr) and c pr", "(not (a pr or b pr)) and c pr"),
                row("a pr or b pr and c pr or d pr", "a pr or (b pr and c pr) or d pr"),
                row("a pr and b pr or c pr and d pr", "(a pr and b pr) or (c pr and d pr)"),
                row("a pr AND b pr OR c pr", "(a pr and b pr) or c pr"),
                row("a pr or not (b pr) and c pr", "a pr or ((not (b pr)) and c pr)"),
                row("emails[type eq \"work\" or type eq \"home\" and primary eq true]",
                        "emails[type eq \"work\" or (type eq \"home\" and primary eq true)]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void andBindsTighterThanOrAndNotTighterThanAnd(String input, String explicit) {
        assertEquals(FilterParser.parse(explicit), FilterParser.parse(input));
    }

    @Test
    void orOfAndIsNotReadAsAndOfOr() {
        Filter parsed = FilterParser.parse("a pr or b pr and c pr");

        assertEquals(new Or(List.of(present("a"), new And(List.of(present("b"), present("c"))))), parsed);
        assertNotEquals(FilterParser.parse("(a pr or b pr) and c pr"), parsed);
    }

    @Test
    void chainsOfTheSameOperatorAreOneNaryNode() {
        assertEquals(new And(List.of(present("a"), present("b"), present("c"))),
                FilterParser.parse("a pr and b pr and c pr"));
    }

    // ---- keywords and delimiters inside quoted values ---------------------------------------------------------------

    static Stream<Arguments> quotedValues() {
        return Stream.of(
                row("title eq \"x and y\"", "x and y"),
                row("title eq \"a or b\"", "a or b"),
                row("title eq \"not (x)\"", "not (x)"),
                row("displayName eq \"LACreateGroup-(1a2b3c4d)\"", "LACreateGroup-(1a2b3c4d)"),
                row("displayName eq \"a) or (b\"", "a) or (b"),
                row("title eq \"]\"", "]"),
                row("title eq \"pr\"", "pr"),
                row("title eq \"\\\"quoted\\\" and\"", "\"quoted\" and"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedValues")
    void keywordsAndParenthesesInsideQuotesStayInTheValue(String input, String value) {
        Compare compare = (Compare) FilterParser.parse(input);

        assertEquals(FilterValue.of(value), compare.value());
        assertEquals(CompareOp.EQ, compare.op());
    }

    // ---- the filters Entra ID sends (docs/entra.md) ---------------------------------------------------------------

    @Test
    void entraTestConnectionProbeR01IsAUserNameEquality() {
        assertEquals(eq("userName", "8ab1b3c5-2c7a-4f4c-9c0e-3d2b4a5f6e71"),
                FilterParser.parse("userName eq \"8ab1b3c5-2c7a-4f4c-9c0e-3d2b4a5f6e71\""));
    }

    @Test
    void entraGroupProbeR02IsADisplayNameEquality() {
        assertEquals(eq("displayName", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
                FilterParser.parse("displayName eq \"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\""));
    }

    @Test
    void entraMatchingQueriesR10ParseToTheirAttributes() {
        assertEquals(eq("userName", "alice@contoso.com"), FilterParser.parse("userName eq \"alice@contoso.com\""));
        assertEquals(eq("externalId", "0a1b2c"), FilterParser.parse("externalId eq \"0a1b2c\""));
    }

    @Test
    void entraWorkEmailMatchR10KeepsFilterAndSubAttributeOnOneValuePath() {
        Filter parsed = FilterParser.parse("emails[type eq \"work\"].value eq \"alice@contoso.com\"");

        assertEquals(new ValuePath(AttrPath.of("emails"), eq("type", "work"), eq("value", "alice@contoso.com")), parsed);
    }

    @Test
    void entraLegacyIdAndManagerQueryR23ParsesLenientlyWithUnquotedIds() {
        String raw = "id eq 5171a35d-82b1-4d38-8b4c-33b5b2e7c1a1 and manager eq 2819c223-7f76-453a-919d-413861904646";

        assertEquals(new And(List.of(eq("id", "5171a35d-82b1-4d38-8b4c-33b5b2e7c1a1"),
                eq("manager", "2819c223-7f76-453a-919d-413861904646"))), FilterParser.parseLenient(raw));
        ScimException strict = assertThrows(ScimException.class, () -> FilterParser.parse(raw));
        assertEquals(ScimType.INVALID_FILTER, strict.scimType());
    }

    @Test
    void entraGroupQueryR30KeepsParenthesesOfTheGroupName() {
        assertEquals(eq("displayName", "LACreateGroup-(1a2b3c4d)"),
                FilterParser.parse("displayName eq \"LACreateGroup-(1a2b3c4d)\""));
        assertEquals(eq("displayName", "LACreateGroup-(1a2b3c4d)"),
                FilterParser.parseLenient("displayName eq LACreateGroup-(1a2b3c4d)"));
    }

    // ---- lenient mode ---------------------------------------------------------------------------------------------

    static Stream<Arguments> lenientFilters() {
        return Stream.of(
                row("userName eq john@x.com", "userName eq \"john@x.com\""),
                row("displayName eq LACreateGroup-(1a2b3c4d)", "displayName eq \"LACreateGroup-(1a2b3c4d)\""),
                row("(displayName eq LACreateGroup-(1a2b3c4d))", "displayName eq \"LACreateGroup-(1a2b3c4d)\""),
                row("(displayName eq LACreateGroup-(1a2b3c4d) or userName eq bob)",
                        "displayName eq \"LACreateGroup-(1a2b3c4d)\" or userName eq \"bob\""),
                row("emails[value eq a@b.c]", "emails[value eq \"a@b.c\"]"),
                row("emails[type eq work].value eq a@b.c", "emails[type eq \"work\"].value eq \"a@b.c\""),
                row("userName sw 12", "userName sw \"12\""),
                row("seats gt 12", "seats gt 12"),
                row("active eq true", "active eq true"),
                row("employeeNumber eq 007", "employeeNumber eq \"007\""),
                row("title eq a\"b", "title eq \"a\\\"b\""),
                row("userName eq \"quoted still works\"", "userName eq \"quoted still works\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientFilters")
    void lenientModeReadsUnquotedValuesToWhitespaceOrAnUnopenedCloser(String input, String canonical) {
        Filter parsed = FilterParser.parseLenient(input);

        assertEquals(canonical, FilterPrinter.print(parsed));
        assertEquals(parsed, FilterParser.parse(canonical));
    }

    @Test
    void lenientModeStillRejectsAMissingValue() {
        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parseLenient("userName eq )"));

        assertEquals("at column 13: expected a value after \"eq\": a string in double quotes, a number, true, false or"
                + " null; found \")\"", error.detail());
    }

    // ---- case-insensitivity ---------------------------------------------------------------------------------------

    @Test
    void attributeNamesOperatorsAndKeywordsAreCaseInsensitiveButValuesAreNot() {
        assertEquals(FilterParser.parse("userName eq \"x\" and not (title pr) or a pr"),
                FilterParser.parse("USERNAME Eq \"x\" AND Not (TITLE Pr) oR A pr"));
        assertNotEquals(FilterParser.parse("userName eq \"x\""), FilterParser.parse("userName eq \"X\""));
    }

    @Test
    void urnPrefixIsComparedCaseInsensitively() {
        assertEquals(FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName pr"),
                FilterParser.parse("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME pr"));
    }

    @Test
    void numbersKeepTheirScaleInTheTree() {
        Compare compare = (Compare) FilterParser.parse("a eq 1.50");

        assertEquals(FilterValue.of(new BigDecimal("1.50")), compare.value());
        assertNotEquals(FilterValue.of(new BigDecimal("1.5")), compare.value());
    }

    // ---- limits ---------------------------------------------------------------------------------------------------

    @Test
    void inputLongerThanTheLimitIsRejectedBeforeParsing() {
        String tooLong = "userName eq \"" + "x".repeat(4096) + "\"";

        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(tooLong));

        assertEquals("at column 4097: the filter is longer than 4096 characters", error.detail());
    }

    @Test
    void inputOfExactlyTheLimitIsAccepted() {
        String value = "x".repeat(4096 - "userName eq \"\"".length());

        assertEquals(eq("userName", value), FilterParser.parse("userName eq \"" + value + "\""));
    }

    @Test
    void nestingDeeperThanTheLimitIsRejectedAtTheOffendingParenthesis() {
        String deep = "(".repeat(33) + "a pr" + ")".repeat(33);

        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(deep));

        assertEquals("at column 33: the filter nests deeper than 32 levels of parentheses and brackets", error.detail());
    }

    @Test
    void nestingOfExactlyTheLimitIsAccepted() {
        assertEquals(present("a"), FilterParser.parse("(".repeat(32) + "a pr" + ")".repeat(32)));
    }

    @Test
    void bracketsAndNotCountTowardsTheNestingLimit() {
        String deep = "not (".repeat(31) + "emails[type pr]" + ")".repeat(31);

        ScimException error = assertThrows(ScimException.class, () -> FilterParser.parse(deep,
                ParseOptions.STRICT.withMaxDepth(31)));

        assertEquals("at column 162: the filter nests deeper than 31 levels of parentheses and brackets", error.detail());
        assertInstanceOf(Not.class, FilterParser.parse(deep));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Arguments row(Object... values) {
        return Arguments.of(values);
    }

    private static Present present(String name) {
        return new Present(AttrPath.of(name));
    }

    private static Compare eq(String name, String value) {
        return new Compare(AttrPath.of(name), CompareOp.EQ, FilterValue.of(value));
    }
}
