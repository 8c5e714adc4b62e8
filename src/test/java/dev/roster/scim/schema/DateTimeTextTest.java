package dev.roster.scim.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14, item 15: dateTime values are xsd:dateTime / RFC 3339 date-times, with seconds. */
class DateTimeTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2011-05-13T04:42:34Z, true",
            "2011-05-13T04:42:34.123Z, true",
            "2011-05-13T04:42:34+02:00, true",
            "2011-05-13T04:42:34, true",
            "2016-03-01T12:22, false",
            "2016-03-01, false",
            "13.05.2011 04:42:34, false",
            "2011-05-13T04:42:34Zjunk, false",
            "-12.1, false",
    })
    void i14_15_aDateTimeHasSeconds(String text, boolean expected) {
        assertEquals(expected, DateTimeText.isDateTime(text));
    }
}
