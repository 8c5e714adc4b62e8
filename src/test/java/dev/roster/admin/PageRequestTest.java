package dev.roster.admin;

import dev.roster.failure.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void defaultsToFiftyAndRoundTripsCursors() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(50, request.limit());
        assertNull(request.after());
        UUID id = UUID.randomUUID();
        assertEquals(id, PageRequest.of(PageRequest.encodeCursor(id), "10").after());
    }

    @Test
    void pagesWithOneExtraRowToKnowWhetherMoreFollow() {
        List<UUID> rows = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        PageRequest request = PageRequest.of(null, "2");
        Page<UUID> page = request.toPage(rows, id -> id, id -> id);
        assertEquals(rows.subList(0, 2), page.items());
        assertEquals(rows.get(1), PageRequest.decodeCursor(page.nextCursor()));
        assertNull(request.toPage(rows.subList(0, 2), id -> id, id -> id).nextCursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", "1.5"})
    void rejectsLimitsOutsideOneToFiveHundred(String limit) {
        assertEquals(400, assertThrows(Failure.class, () -> PageRequest.of(null, limit)).status());
    }

    @Test
    void rejectsForeignCursors() {
        assertThrows(Failure.class, () -> PageRequest.of("%%%", null));
        assertThrows(Failure.class, () -> PageRequest.of("bm90LWEtdXVpZA", null));
    }
}
