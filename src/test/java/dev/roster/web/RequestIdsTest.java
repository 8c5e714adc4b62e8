package dev.roster.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void keepsSaneClientIds() {
        assertEquals("entra-7f3a:01", RequestIds.chooseFor("entra-7f3a:01"));
    }

    @Test
    void replacesIdsThatCouldInjectIntoLogsOrHeaders() {
        for (String bad : new String[]{null, "", "a b", "x\r\nSet-Cookie: y", "x".repeat(129), "<script>"}) {
            String chosen = RequestIds.chooseFor(bad);
            assertNotEquals(bad, chosen);
            assertTrue(chosen.matches("[0-9a-f-]{36}"), chosen);
        }
    }
}
