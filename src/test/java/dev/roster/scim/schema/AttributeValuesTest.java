package dev.roster.scim.schema;

import static dev.roster.scim.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roster.scim.TestJson;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeValuesTest {

    private static final ResourceType USER = TestJson.USER;

    private static AttributeDef def(String path) {
        String[] parts = path.split("\\.");
        String urn = null;
        String name = parts[0];
        if (name.startsWith("acme:")) {
            urn = TestJson.ACME;
            name = name.substring(5);
        }
        return USER.resolve(urn, name, parts.length > 1 ? parts[1] : null).orElseThrow().target();
    }

    static Stream<Arguments> coercions() {
        return Stream.of(
                Arguments.of("active", "\"False\"", "false"),
                Arguments.of("active", "\"TRUE\"", "true"),
                Arguments.of("active", "true", "true"),
                Arguments.of("title", "\"  Tour   GUIDE \"", "\"  Tour   GUIDE \""),
                Arguments.of("title", "\"\"", null),
                Arguments.of("title", "null", null),
                Arguments.of("acme:level", "\"42\"", "42"),
                Arguments.of("acme:level", "4.0", "4"),
                Arguments.of("acme:level", "7", "7"),
                Arguments.of("acme:score", "\"1.50\"", "1.50"),
                Arguments.of("acme:score", "2", "2"),
                Arguments.of("acme:hiredAt", "\"2011-05-13T04:42:34Z\"", "\"2011-05-13T04:42:34Z\""),
                Arguments.of("acme:hiredAt", "\"2011-05-13T04:42:34.5+02:00\"", "\"2011-05-13T04:42:34.5+02:00\""),
                Arguments.of("acme:tags", "\"one\"", "[\"one\"]"),
                Arguments.of("acme:tags", "[\"a\",\"a\",null,\"b\"]", "[\"a\",\"b\"]"),
                Arguments.of("emails", "[{\"Value\":\"a@x\",\"TYPE\":\"work\",\"primary\":\"True\",\"junk\":1}]",
                        "[{\"value\":\"a@x\",\"type\":\"work\",\"primary\":true}]"),
                Arguments.of("emails", "[{\"value\":\"\"},{}]", null),
                Arguments.of("emails", "\"a@x\"", "[{\"value\":\"a@x\"}]"),
                Arguments.of("manager", "\"m-1\"", "{\"value\":\"m-1\"}"),
                Arguments.of("manager", "[{\"$ref\":null,\"value\":\"m-1\"}]", "{\"value\":\"m-1\"}"),
                Arguments.of("manager", "{\"value\":\"m-1\",\"$ref\":\"https://x/Users/m-1\",\"displayName\":\"Boss\"}",
                        "{\"value\":\"m-1\"}"),
                Arguments.of("manager", "[]", null),
                Arguments.of("name", "{\"givenName\":\"B\",\"familyName\":null}", "{\"givenName\":\"B\"}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("coercions")
    void coercesToTheSchemaTypeAndSpelling(String attribute, String value, String expected) {
        AttributeDef def = def(attribute);

        var coerced = AttributeValues.coerce(def, json(value), attribute);

        if (expected == null) {
            assertNull(coerced);
        } else {
            assertEquals(json(expected).toString(), coerced.toString());
            assertEquals(json(expected).getNodeType(), coerced.getNodeType());
        }
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of("active", "\"yes\"", "\"active\" must be true or false; found \"yes\""),
                Arguments.of("active", "1", "\"active\" must be true or false; found 1"),
                Arguments.of("title", "{\"a\":1}", "\"title\" must be a string; found an object"),
                // Issue 14, item 20: a number or boolean is no string, whatever it would print as.
                Arguments.of("title", "42", "\"title\" must be a string; found 42"),
                Arguments.of("title", "true", "\"title\" must be a string; found true"),
                Arguments.of("acme:level", "\"4.5\"", "\"acme:level\" must be an integer; found \"4.5\""),
                Arguments.of("acme:level", "\"1e99999999999\"", "\"acme:level\" must be an integer; found"
                        + " \"1e99999999999\""),
                Arguments.of("acme:score", "\"abc\"", "\"acme:score\" must be a number; found \"abc\""),
                Arguments.of("acme:hiredAt", "\"yesterday\"", "\"acme:hiredAt\" must be an xsd:dateTime string such as"
                        + " \"2011-05-13T04:42:34Z\"; found \"yesterday\""),
                Arguments.of("profileUrl", "5", "\"profileUrl\" must be a URI string; found 5"),
                Arguments.of("emails", "[[{\"value\":\"a\"}]]", "\"emails\" holds an array inside its array; send one"
                        + " array of objects"),
                Arguments.of("emails", "[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":\"true\"}]",
                        "\"emails\" has 2 values marked \"primary\": true; at most one may be primary (RFC 7643 §2.4)"),
                Arguments.of("manager", "[{\"value\":\"a\"},{\"value\":\"b\"}]",
                        "\"manager\" is single-valued; send one object, not an array of 2"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("mismatches")
    void refusesValuesOfTheWrongTypeNamingTheAttribute(String attribute, String value, String detail) {
        ScimException error = assertThrows(ScimException.class,
                () -> AttributeValues.coerce(def(attribute), json(value), attribute));

        assertEquals(ScimType.INVALID_VALUE, error.scimType());
        assertEquals(detail, error.detail());
    }
}
