package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> patchPaths() {
        return Stream.of(
                Arguments.of("userName", PathExpression.of(AttrPath.of("userName"))),
                Arguments.of("name.familyName", PathExpression.of(AttrPath.of("name", "familyName"))),
                Arguments.of(ENTERPRISE + ":manager", PathExpression.of(AttrPath.qualified(ENTERPRISE, "manager", null))),
                Arguments.of(ENTERPRISE + ":department",
                        PathExpression.of(AttrPath.qualified(ENTERPRISE, "department", null))),
                Arguments.of("members[value eq \"2819c223\"]",
                        new PathExpression(AttrPath.of("members"), Filter.eq("value", "2819c223"), null)),
                Arguments.of("emails[type eq \"work\"].value",
                        new PathExpression(AttrPath.of("emails"), Filter.eq("type", "work"), "value")),
                Arguments.of("addresses[type eq \"work\"].formatted",
                        new PathExpression(AttrPath.of("addresses"), Filter.eq("type", "work"), "formatted")),
                Arguments.of("emails[type eq \"work\" and primary eq true]", new PathExpression(AttrPath.of("emails"),
                        Filter.and(Filter.eq("type", "work"),
                                Filter.compare(AttrPath.of("primary"), CompareOp.EQ, FilterValue.TRUE)), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchPaths")
    void patchPathParsesToAttributeFilterAndSubAttribute(String input, PathExpression expected) {
        PathExpression parsed = PathParser.parse(input);

        assertEquals(expected, parsed);
        assertEquals(input, FilterPrinter.print(parsed));
    }

    @Test
    void targetAttributeOfAFilteredPathIsTheAttributeWithItsTrailingSubAttribute() {
        assertEquals(AttrPath.of("emails", "value"), PathParser.parse("emails[type eq \"work\"].value").targetAttribute());
        assertEquals(AttrPath.of("members"), PathParser.parse("members[value eq \"1\"]").targetAttribute());
    }

    static Stream<Arguments> invalidPaths() {
        return Stream.of(
                Arguments.of("", ScimType.INVALID_PATH, "at column 1: the path is empty; expected an attribute path such"
                        + " as userName"),
                Arguments.of("emails x", ScimType.INVALID_PATH, "at column 8: expected the end of the path, found \"x\""),
                Arguments.of("userName eq \"x\"", ScimType.INVALID_PATH,
                        "at column 10: expected the end of the path, found \"eq\""),
                Arguments.of("(userName)", ScimType.INVALID_PATH,
                        "at column 1: expected an attribute path, found \"(\""),
                Arguments.of("emails[type eq \"work\"].value.x", ScimType.INVALID_PATH,
                        "at column 24: expected one sub-attribute name after \"].\", found \"value.x\""),
                Arguments.of("emails[type eq work]", ScimType.INVALID_FILTER, "at column 16: expected a value after"
                        + " \"eq\": a string in double quotes, a number, true, false or null; found \"work\""),
                Arguments.of("emails[type eq \"work\"", ScimType.INVALID_FILTER, "at column 22: expected \"and\", \"or\""
                        + " or \"]\" to close the \"[\" at column 7, found the end of the path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPaths")
    void malformedPathIsInvalidPathOutsideBracketsAndInvalidFilterInside(String input, ScimType type, String detail) {
        ScimException error = assertThrows(ScimException.class, () -> PathParser.parse(input));

        assertEquals(type, error.scimType());
        assertEquals(detail, error.detail());
    }

    @Test
    void lenientPathAcceptsAnUnquotedMemberId() {
        assertEquals(new PathExpression(AttrPath.of("members"), Filter.eq("value", "2819c223-7f76"), null),
                PathParser.parse("members[value eq 2819c223-7f76]", ParseOptions.LENIENT));
    }

    @Test
    void plainAttributePathRejectsAValueFilter() {
        assertEquals(AttrPath.of("name", "givenName"), PathParser.parseAttrPath("name.givenName"));

        ScimException error = assertThrows(ScimException.class,
                () -> PathParser.parseAttrPath("emails[type eq \"work\"]"));

        assertEquals(ScimType.INVALID_PATH, error.scimType());
        assertEquals("at column 7: expected a plain attribute path; value filters are not allowed here", error.detail());
    }
}
