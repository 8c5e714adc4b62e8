package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text that PostgreSQL cannot store faithfully is found wherever it hides in a body (issue 10, item 8). */
class UnstorableTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"userName\":\"a\\u0000b\"}                          | a NUL character (U+0000) in 'userName'",
            "{\"name\":{\"givenName\":\"\\ud800\"}}                | an unpaired UTF-16 surrogate in 'name.givenName'",
            "{\"emails\":[{\"value\":\"x\"},{\"value\":\"\\udc00y\"}]} | an unpaired UTF-16 surrogate in 'emails.value'",
            "{\"a\\u0000\":1}                                      | a NUL character (U+0000) in an attribute name",
            "\"\\ud83d\"                                           | an unpaired UTF-16 surrogate in the body",
    })
    void findsUnstorableText(String body, String expected) throws Exception {
        assertEquals(Optional.of(expected.trim()), UnstorableText.find(JSON.readTree(body.trim())));
    }

    @Test
    void acceptsPairedSurrogatesAndOrdinaryText() throws Exception {
        assertEquals(Optional.empty(), UnstorableText.find(JSON.readTree(
                "{\"userName\":\"\\ud83d\\ude00 Zoë\",\"roles\":[],\"active\":true,\"n\":null}")));
    }
}
