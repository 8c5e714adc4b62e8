package dev.roster.scim.wire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ETagsTest {

    @ParameterizedTest(name = "{0} lists W/\"3\": {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "W/\"3\"|true",
            "\"3\"|true",
            "*|true",
            "W/\"2\", W/\"3\"|true",
            "W/\"4\"|false",
            "null|false",
            "''|false",
    })
    void comparesVersionsIgnoringWeakness(String header, boolean listed) {
        assertEquals(listed, ETags.listed(header, "W/\"3\""));
    }
}
