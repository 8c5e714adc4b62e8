package dev.roster.query;

import dev.roster.failure.Failure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of the admin read API (issue 15, item 1) in keyset order: a compiled filter, ordered by a sort key and then
 * by id, continuing strictly after the last row of the previous page. Unlike an offset, a keyset page costs the same at
 * row 100,000 as at row 1 (the sort keys are indexed with the tenant), and rows written meanwhile neither repeat nor
 * vanish. The cursor carries the last row's sort value and id, opaque to clients (base64url).
 *
 * @param hql        the query, {@code from ... where <filter> [and <after>] order by <key>, <alias>.id}
 * @param parameters its parameters
 * @param fetch      rows to read: one more than the page, to tell whether another follows
 */
public record KeysetPage(String hql, Map<String, Object> parameters, int fetch, SortKey key) {

    static final String AFTER_VALUE = "keysetValue";
    static final String AFTER_ID = "keysetId";

    /** What a list may be ordered by: its name in {@code sortBy}, the HQL expression over the alias, and its kind. */
    public record SortKey(String name, String expression, Kind kind) {

        public enum Kind { ID, TEXT, INSTANT }

        /** Creation order (ids are time-ordered): the default, and the primary key's order. */
        public static SortKey created() {
            return new SortKey("createdAt", null, Kind.ID);
        }

        String over(String alias) {
            return expression == null ? alias + ".id" : expression.replace("{alias}", alias);
        }
    }

    /** The page of {@code query} after {@code cursor} (null: from the start), of {@code limit} rows. */
    public static KeysetPage of(CompiledQuery query, SortKey key, String cursor, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>(query.parameters());
        String alias = query.alias();
        StringBuilder hql = new StringBuilder(query.hql());
        if (cursor != null && !cursor.isBlank()) {
            Position after = decode(cursor, key);
            parameters.put(AFTER_ID, after.id());
            if (key.kind() == SortKey.Kind.ID) {
                hql.append(" and ").append(alias).append(".id > :").append(AFTER_ID);
            } else {
                parameters.put(AFTER_VALUE, after.value());
                String expression = key.over(alias);
                hql.append(" and (").append(expression).append(" > :").append(AFTER_VALUE).append(" or (")
                        .append(expression).append(" = :").append(AFTER_VALUE).append(" and ").append(alias)
                        .append(".id > :").append(AFTER_ID).append("))");
            }
        }
        hql.append(" order by ");
        if (key.kind() != SortKey.Kind.ID) {
            hql.append(key.over(alias)).append(", ");
        }
        hql.append(alias).append(".id");
        return new KeysetPage(hql.toString(), parameters, limit + 1, key);
    }

    /** The rows to show and the cursor of the next page (null on the last page). */
    public <E> Result<E> result(List<E> rows, Function<E, UUID> id, Function<E, Object> sortValue) {
        int limit = fetch - 1;
        if (rows.size() <= limit) {
            return new Result<>(rows, null);
        }
        List<E> shown = rows.subList(0, limit);
        E last = shown.get(limit - 1);
        return new Result<>(shown, encode(id.apply(last), key.kind() == SortKey.Kind.ID ? null : sortValue.apply(last)));
    }

    public record Result<E>(List<E> rows, String nextCursor) {
    }

    private record Position(UUID id, Object value) {
    }

    /** The cursor after a row of a list in plain id order (a group's members). */
    public static String idCursor(UUID id) {
        return encode(id, null);
    }

    /** The id a plain id-order cursor names, or null for none; 400 when it is not one. */
    public static UUID afterId(String cursor) {
        return cursor == null || cursor.isBlank() ? null : decode(cursor, SortKey.created()).id();
    }

    static String encode(UUID id, Object value) {
        String text = id + (value == null ? "" : ":" + (value instanceof String s ? s.toLowerCase(Locale.ROOT)
                : value.toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String cursor, SortKey key) {
        try {
            if (cursor.length() > 2_000) {
                throw new IllegalArgumentException();
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            UUID id = UUID.fromString(text.substring(0, Math.min(36, text.length())));
            if (key.kind() == SortKey.Kind.ID) {
                if (text.length() != 36) {
                    throw new IllegalArgumentException();
                }
                return new Position(id, null);
            }
            if (text.length() < 37 || text.charAt(36) != ':') {
                throw new IllegalArgumentException();
            }
            String value = text.substring(37);
            return new Position(id, key.kind() == SortKey.Kind.INSTANT ? Instant.parse(value) : value);
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw Failure.invalid("'after' is not a cursor of this list in this order; pass the nextCursor of the"
                    + " previous page unchanged, with the same filter and sortBy.");
        }
    }
}
