package dev.roster.scim.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.TestJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Pointer expectations on a patched document: {@code "/emails/0/value", "\"x\""}, or null for "absent". */
record Expectations(Map<String, String> byPointer) {

    static Expectations of(String... pointerThenJson) {
        if (pointerThenJson.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of pointer and JSON expected");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pointerThenJson.length; i += 2) {
            map.put(pointerThenJson[i], pointerThenJson[i + 1]);
        }
        return new Expectations(map);
    }

    void check(JsonNode document) {
        byPointer.forEach((pointer, expected) -> {
            JsonNode actual = document.at(pointer);
            if (expected == null) {
                assertTrue(actual.isMissingNode(), () -> pointer + " should be absent in " + document);
            } else {
                assertEquals(TestJson.json(expected), actual, () -> pointer + " in " + document);
            }
        });
    }

    /** "a,b" as a set; "" as none. */
    static Set<String> names(String commaSeparated) {
        Set<String> names = new TreeSet<>();
        if (!commaSeparated.isEmpty()) {
            names.addAll(Arrays.asList(commaSeparated.split(",")));
        }
        return names;
    }
}
