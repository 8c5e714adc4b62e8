package dev.roster.admin;

import dev.roster.failure.Failure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code ?limit=} (default 50, at most 500) and {@code ?after=<cursor>}. Cursors are opaque to clients: base64url of the last
 * id of the previous page (ids are time-ordered, so id order is creation order).
 */
public record PageRequest(UUID after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String after, String limit) {
        return new PageRequest(decodeCursor(after), parseLimit(limit));
    }

    /** Rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public <E, T> Page<T> toPage(List<E> rows, Function<E, UUID> id, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encodeCursor(id.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    static String encodeCursor(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static UUID decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > 64) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("'after' is not a cursor returned by this API; pass the nextCursor of the"
                    + " previous page unchanged.");
        }
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Failure.invalid("'limit' must be an integer from 1 to " + MAX_LIMIT + "; got '" + limit + "'.");
    }
}
