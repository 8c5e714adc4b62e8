package dev.roster.scim.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14, item 15: a binary value is base64 (RFC 7643 §2.3.6, RFC 4648 §4). */
class BinaryValuesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "aGVsbG8=, true",
            "aGVsbG8h, true",
            "aGk=, true",
            "'', true",
            "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAw, true",
            "-12.1, false",
            "aGVsbG8, false",
            "aGVsbG8===, false",
            "hello world, false",
    })
    void i14_15_binaryIsBase64(String text, boolean expected) {
        assertEquals(expected, AttributeValues.isBase64(text));
    }
}
