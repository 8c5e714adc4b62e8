package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random strings and mutated valid filters, seeded: each yields a Filter (which must then print and read back equal, and
 * evaluate without throwing) or a ScimException of type invalidFilter (invalidPath for a PATCH path outside brackets).
 * Anything else — a RuntimeException, a StackOverflowError — fails the test.
 */
class FilterParserRobustnessTest {

    private static final int RANDOM_INPUTS = 12_000;
    private static final int MUTATED_INPUTS = 12_000;
    private static final String[] PIECES = {
        "a", "userName", "emails", "title", "active", "meta.lastModified", "urn:x:", ".", ":", "$ref", " ", " ", "\t",
        "(", ")", "[", "]", "\"", "\\", "\\u", "\\u00", "eq", "EQ", "ne", "co", "sw", "gt", "le", "pr", "and", "or",
        "not", "true", "false", "null", "0", "1", "-", "1e5", "E", "+", "0.5", "\u0000", "\n", "é", "\ud800", "@", "x.y",
        "\"x\"", "2011-05-13T04:42:34Z", "].", "value", "type",
    };

    private static JsonNode users;
    private static FilterEvaluator evaluator;

    @BeforeAll
    static void loadFixture() throws IOException {
        try (InputStream in = FilterParserRobustnessTest.class.getResourceAsStream("users.json")) {
            users = new ObjectMapper().readTree(in);
        }
        evaluator = new FilterEvaluator(SchemaRegistry.standard().user());
    }

    @Test
    void randomStringsYieldAFilterOrInvalidFilterAndNothingElse() {
        Random random = new Random(20_251_126L);
        int parsed = 0;
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            StringBuilder input = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                input.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x3000) : PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) == 0) {
                    input.append(' ');
                }
            }
            parsed += exercise(input.toString());
        }
        assertTrue(parsed > 0, "some random inputs should parse");
    }

    @Test
    void mutatedValidFiltersYieldAFilterOrInvalidFilterAndNothingElse() {
        RandomFilters generator = new RandomFilters(7_644L);
        Random random = generator.random();
        int parsed = 0;
        for (int i = 0; i < MUTATED_INPUTS; i++) {
            StringBuilder text = new StringBuilder(FilterPrinter.print(generator.filter(1 + random.nextInt(3))));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutate(text, random);
            }
            parsed += exercise(text.toString());
        }
        assertTrue(parsed > 0, "some mutated inputs should still parse");
    }

    @Test
    void hundredThousandOpenParenthesesAreRejectedWithoutOverflow() {
        String deep = "(".repeat(100_000) + "a pr" + ")".repeat(100_000);

        assertInvalid(deep, ParseOptions.STRICT, "at column 4097: the filter is longer than 4096 characters");
        assertInvalid(deep, ParseOptions.STRICT.withMaxLength(Integer.MAX_VALUE),
                "at column 33: the filter nests deeper than 32 levels of parentheses and brackets");
    }

    @Test
    void hundredThousandNestedNotsAndBracketsAreRejectedWithoutOverflow() {
        ParseOptions unbounded = ParseOptions.LENIENT.withMaxLength(Integer.MAX_VALUE);

        assertInvalid("not (".repeat(100_000) + "a pr" + ")".repeat(100_000), unbounded,
                "at column 165: the filter nests deeper than 32 levels of parentheses and brackets");
        assertInvalid("a[".repeat(100_000), unbounded,
                "at column 4: value filters cannot be nested inside the value filter of \"a\"");
        assertInvalid("[".repeat(100_000), unbounded,
                "at column 1: expected an attribute path, \"(\" or \"not\", found \"[\"");
    }

    @Test
    void hugeFlatFiltersParseIterativelyWhenTheLengthLimitAllows() {
        String huge = "a pr and ".repeat(200_000) + "a pr";

        Filter filter = FilterParser.parse(huge, ParseOptions.STRICT.withMaxLength(Integer.MAX_VALUE));

        Filter.And and = assertInstanceOf(Filter.And.class, filter);
        assertEquals(200_001, and.operands().size());
        assertEquals(huge, FilterPrinter.print(filter));
    }

    @Test
    void hugeInputsOfEveryShapeAreRejectedByLength() {
        String[] shapes = {
            "\"".repeat(1_000_000), "userName eq \"" + "\\".repeat(1_000_000), "x".repeat(10_000_000),
            "a pr and ".repeat(100_000), "\u0000".repeat(100_000), "emails[type eq \"work\"]".repeat(50_000),
        };
        for (String shape : shapes) {
            assertInvalid(shape, ParseOptions.LENIENT, "at column 4097: the filter is longer than 4096 characters");
        }
    }

    @Test
    void unboundedLengthStillNeverThrowsAnythingButInvalidFilter() {
        ParseOptions unbounded = ParseOptions.STRICT.withMaxLength(Integer.MAX_VALUE);
        String[] shapes = {
            "userName eq \"" + "\\".repeat(100_001), "userName eq \"" + "\\u".repeat(100_000),
            "a eq " + "9".repeat(100_000) + "e" + "9".repeat(50),
            "a eq 1e99999999999", "a eq -1E-2147483649", "\"".repeat(100_001),
        };
        for (String shape : shapes) {
            exerciseWith(shape, unbounded);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Runs one input through strict, lenient and PATCH-path parsing; returns 1 when strict parsing succeeded. */
    private static int exercise(String input) {
        int parsed = exerciseWith(input, ParseOptions.STRICT);
        exerciseWith(input, ParseOptions.LENIENT);
        try {
            PathExpression path = PathParser.parse(input);
            assertEquals(path, PathParser.parse(FilterPrinter.print(path)), () -> "path round trip: " + input);
        } catch (ScimException e) {
            if (e.scimType() != ScimType.INVALID_PATH && e.scimType() != ScimType.INVALID_FILTER) {
                fail("path " + quoted(input) + " gave scimType " + e.scimType());
            }
        } catch (Throwable t) {
            fail("path " + quoted(input) + " threw " + t, t);
        }
        return parsed;
    }

    private static int exerciseWith(String input, ParseOptions options) {
        Filter filter;
        try {
            filter = FilterParser.parse(input, options);
        } catch (ScimException e) {
            assertEquals(ScimType.INVALID_FILTER, e.scimType(), () -> quoted(input));
            assertTrue(e.detail().startsWith("at column "), () -> e.detail());
            return 0;
        } catch (Throwable t) {
            return fail("filter " + quoted(input) + " threw " + t, t);
        }
        String printed = FilterPrinter.print(filter);
        assertEquals(filter, FilterParser.parse(printed, ParseOptions.STRICT.withMaxLength(Integer.MAX_VALUE)),
                () -> "round trip of " + quoted(input) + " via " + printed);
        evaluate(filter, input);
        return 1;
    }

    /** Compiling may reject a type mismatch with invalidFilter; matching never throws. */
    private static void evaluate(Filter filter, String input) {
        CompiledFilter compiled;
        try {
            compiled = evaluator.compile(filter);
        } catch (ScimException e) {
            assertEquals(ScimType.INVALID_FILTER, e.scimType(), () -> quoted(input));
            return;
        } catch (Throwable t) {
            fail("compiling " + quoted(input) + " threw " + t, t);
            return;
        }
        for (JsonNode user : users) {
            try {
                compiled.matches(user);
            } catch (Throwable t) {
                fail("evaluating " + quoted(input) + " threw " + t, t);
            }
        }
    }

    private static void mutate(StringBuilder text, Random random) {
        int length = text.length();
        int at = length == 0 ? 0 : random.nextInt(length);
        switch (random.nextInt(6)) {
            case 0 -> text.delete(at, Math.min(length, at + 1 + random.nextInt(4)));
            case 1 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
            case 2 -> {
                if (length > 0) {
                    text.setCharAt(at, (char) random.nextInt(0x80));
                }
            }
            case 3 -> text.insert(at, text.substring(at, Math.min(length, at + random.nextInt(12))));
            case 4 -> text.setLength(at);
            default -> text.insert(at, (char) random.nextInt(0x10000));
        }
    }

    private static void assertInvalid(String input, ParseOptions options, String detail) {
        try {
            FilterParser.parse(input, options);
            fail("accepted " + quoted(input));
        } catch (ScimException e) {
            assertEquals(ScimType.INVALID_FILTER, e.scimType());
            assertEquals(detail, e.detail());
        } catch (Throwable t) {
            fail("threw " + t, t);
        }
    }

    private static String quoted(String input) {
        String shown = input.length() > 300 ? input.substring(0, 300) + "..." : input;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
