package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.error.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScimListRequestTest {

    @ParameterizedTest(name = "startIndex={0} count={1} -> {2}, {3}")
    @CsvSource(nullValues = "null", value = {
            "null, null, 1, 100",
            "0, 0, 1, 0",
            "-5, -1, 1, 0",
            "6, 5, 6, 5",
            "1, 100000, 1, 1000",
            "99999999999, 10, 2147483647, 10",
    })
    void readsPagingAsRfc7644Says(String startIndex, String count, int expectedStart, int expectedCount) {
        ScimListRequest request = ScimListRequest.fromQuery(null, startIndex, count, null, null, null, null);
        assertEquals(expectedStart, request.startIndex());
        assertEquals(expectedCount, request.count());
    }

    @Test
    void refusesNonNumbersAndBadSortOrders() {
        assertEquals("invalidValue", assertThrows(ScimException.class,
                () -> ScimListRequest.fromQuery(null, "one", null, null, null, null, null)).scimType().wireName());
        assertThrows(ScimException.class, () -> ScimListRequest.fromQuery(null, null, null, "userName", "up", null, null));
        assertEquals("invalidFilter", assertThrows(ScimException.class,
                () -> ScimListRequest.fromQuery("a".repeat(5000), null, null, null, null, null, null))
                .scimType().wireName());
    }

    @Test
    void splitsAttributeListsAndReadsSearchBodies() throws Exception {
        ScimListRequest request = ScimListRequest.fromSearchBody(new ObjectMapper().readTree("""
                {"filter": "userName eq \\"a\\"", "attributes": ["userName", "emails"], "startIndex": 2,
                 "count": 3, "sortOrder": "descending"}"""));
        assertEquals("userName eq \"a\"", request.filter());
        assertEquals(List.of("userName", "emails"), request.attributes());
        assertEquals(2, request.startIndex());
        assertEquals(3, request.count());
        assertTrue(request.descending());
        assertNull(ScimListRequest.fromQuery(" ", null, null, null, null, " ,", null).filter());
        assertEquals(List.of(), ScimListRequest.fromQuery(null, null, null, null, null, " ,", null).attributes());
        assertThrows(ScimException.class, () -> ScimListRequest.fromSearchBody(new ObjectMapper().readTree("[]")));
    }
}
