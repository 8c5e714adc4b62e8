package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roster.scim.error.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** parse(print(f)).equals(f) for generated valid trees: 5 fixed seeds x 2,500 filters, plus PATCH paths. */
class FilterRoundTripPropertyTest {

    private static final int FILTERS_PER_SEED = 2_500;
    private static final int PATHS_PER_SEED = 500;
    /** Generated trees can print longer than a request would carry; the length limit has its own tests. */
    private static final ParseOptions ROOMY = ParseOptions.STRICT.withMaxLength(1 << 20);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 7_644L, 20_251_126L, -9_876_543_210L})
    void everyGeneratedFilterReadsBackEqualFromItsCanonicalPrint(long seed) {
        RandomFilters generator = new RandomFilters(seed);
        int checked = 0;
        for (int i = 0; i < FILTERS_PER_SEED; i++) {
            Filter filter = generator.filter(1 + generator.random().nextInt(5));
            String printed = FilterPrinter.print(filter);
            Filter reparsed = parse(printed, seed, i);

            assertEquals(filter, reparsed, () -> "seed " + seed + " case: " + printed);
            assertEquals(printed, FilterPrinter.print(reparsed), "the canonical print is a fixed point");
            assertEquals(filter.hashCode(), reparsed.hashCode());
            checked++;
        }
        assertEquals(FILTERS_PER_SEED, checked);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 99L})
    void everyGeneratedPatchPathReadsBackEqualFromItsPrint(long seed) {
        RandomFilters generator = new RandomFilters(seed);
        for (int i = 0; i < PATHS_PER_SEED; i++) {
            PathExpression path = generator.pathExpression();
            String printed = FilterPrinter.print(path);

            assertEquals(path, PathParser.parse(printed, ROOMY), () -> "case: " + printed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5L})
    void lenientParsingOfACanonicalPrintAgreesWithStrictParsing(long seed) {
        // Lenient mode only widens what an unquoted value may be; quoted canonical filters read the same.
        RandomFilters generator = new RandomFilters(seed);
        int compared = 0;
        for (int i = 0; i < 1_000; i++) {
            Filter filter = generator.filter(3);
            String printed = FilterPrinter.print(filter);
            assertEquals(filter, FilterParser.parse(printed, ROOMY.withLenient(true)), () -> "case: " + printed);
            compared++;
        }
        assertTrue(compared == 1_000);
    }

    private static Filter parse(String printed, long seed, int index) {
        try {
            return FilterParser.parse(printed, ROOMY);
        } catch (ScimException e) {
            return fail("seed " + seed + " case " + index + " did not parse: " + e.detail() + "\n" + printed);
        }
    }
}
