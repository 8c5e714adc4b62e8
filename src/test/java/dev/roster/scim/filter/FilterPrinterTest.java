package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterPrinterTest {

    @Test
    void stringsAreJsonEscapedAndNonAsciiIsKept() {
        Filter filter = Filter.eq("title", "a\"b\\c\n\t\u0001é\ud83d\ude00");

        assertEquals("title eq \"a\\\"b\\\\c\\n\\t\\u0001é\ud83d\ude00\"", FilterPrinter.print(filter));
        assertEquals(filter, FilterParser.parse(FilterPrinter.print(filter)));
    }

    @Test
    void unpairedSurrogatesAreEscapedSoThePrintIsValidUnicode() {
        Filter filter = Filter.eq("title", "x\ud800y\udc00");

        assertEquals("title eq \"x\\ud800y\\udc00\"", FilterPrinter.print(filter));
        assertEquals(filter, FilterParser.parse(FilterPrinter.print(filter)));
    }

    @Test
    void numbersPrintInTheirBigDecimalFormAndReadBackWithTheSameScale() {
        for (BigDecimal number : List.of(new BigDecimal("1.50"), new BigDecimal("-1E+5"), new BigDecimal("1E-12"),
                new BigDecimal("123456789012345678901234567890"), BigDecimal.valueOf(7, -3))) {
            Filter filter = Filter.compare(AttrPath.of("n"), CompareOp.GT, FilterValue.of(number));

            assertEquals("n gt " + number, FilterPrinter.print(filter));
            assertEquals(filter, FilterParser.parse(FilterPrinter.print(filter)));
        }
    }

    @Test
    void nestedOperandsOfTheSameKindAndOrInsideAndAreParenthesised() {
        Filter a = Filter.present("a");
        Filter b = Filter.present("b");
        Filter c = Filter.present("c");

        assertEquals("a pr and (b pr and c pr)", FilterPrinter.print(Filter.and(a, Filter.and(b, c))));
        assertEquals("(a pr or b pr) and c pr", FilterPrinter.print(Filter.and(Filter.or(a, b), c)));
        assertEquals("a pr and b pr or c pr", FilterPrinter.print(Filter.or(Filter.and(a, b), c)));
        assertEquals("(a pr or b pr) or c pr", FilterPrinter.print(Filter.or(Filter.or(a, b), c)));
        assertEquals("not (not (a pr))", FilterPrinter.print(Filter.not(Filter.not(a))));
    }

    @Test
    void valuePathPrintsEntrasTrailingSubAttributeExpression() {
        Filter filter = new Filter.ValuePath(AttrPath.of("emails"), Filter.eq("type", "work"),
                Filter.eq("value", "x@y.org"));

        assertEquals("emails[type eq \"work\"].value eq \"x@y.org\"", FilterPrinter.print(filter));
    }

    @Test
    void printedValuesMatchTheirLiteralSpelling() {
        assertEquals("null", FilterPrinter.print(FilterValue.NULL));
        assertEquals("true", FilterPrinter.print(FilterValue.TRUE));
        assertEquals("\"x\"", FilterPrinter.print(FilterValue.of("x")));
        assertEquals("42", FilterPrinter.print(FilterValue.of(42)));
    }
}
