package dev.roster.query;

import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.ScimListRequest;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One page of a SCIM list as HQL: index pagination (1-based startIndex and count, RFC 7644 §3.4.2.4) ordered by
 * {@link SortClause}, or cursor pagination (RFC 9865) in id order, which reads one row more than the page to tell whether
 * a next cursor is due. The count query is the compiled filter's own, so totalResults never depends on the page.
 */
public record PageQuery(String hql, Map<String, Object> parameters, int first, int rows, boolean cursor, int pageSize,
                        boolean fromStart) {

    static final String AFTER = "cursorAfter";

    public static PageQuery of(CompiledQuery query, ResourceType type, ScimListRequest request) {
        if (request.cursor() == null) {
            return new PageQuery(query.hql() + SortClause.of(query, type, request.sortBy(), request.descending()),
                    query.parameters(), request.offset(), request.count(), false, request.count(), request.offset() == 0);
        }
        Map<String, Object> parameters = new LinkedHashMap<>(query.parameters());
        StringBuilder hql = new StringBuilder(query.hql());
        UUID after = request.cursor().after();
        if (after != null) {
            hql.append(" and ").append(query.alias()).append(".id > :").append(AFTER);
            parameters.put(AFTER, after);
        }
        hql.append(" order by ").append(query.alias()).append(".id");
        return new PageQuery(hql.toString(), parameters, 0, request.count() + 1, true, request.count(), after == null);
    }

    /**
     * Reads the page, and counts only when the page cannot tell the total itself: a first page that is not full holds
     * every match, which is the case of Entra's lookups (0 or 1 user), so they cost one query rather than two.
     */
    public <E> Uni<Result<E>> execute(Supplier<Uni<Long>> count, BiFunction<Integer, Integer, Uni<List<E>>> read,
                                      Function<E, UUID> id) {
        if (pageSize == 0) {
            return count.get().map(total -> new Result<>(total, List.of(), null));
        }
        return read.apply(first, rows).chain(found -> {
            Page<E> page = page(found, id);
            boolean complete = fromStart && (cursor ? page.nextCursor() == null : found.size() < pageSize);
            if (complete) {
                return Uni.createFrom().item(new Result<>(page.rows().size(), page.rows(), null));
            }
            return count.get().map(total -> new Result<>(total, page.rows(), page.nextCursor()));
        });
    }

    /** A page with the total number of matches (totalResults) and the next cursor, if any. */
    public record Result<E>(long total, List<E> rows, String nextCursor) {
    }

    /** The rows of this page, and the cursor to the next one (cursor pagination with more rows only). */
    public <E> Page<E> page(List<E> rows, Function<E, UUID> id) {
        if (!cursor || rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<E> shown = rows.subList(0, pageSize);
        return new Page<>(shown, ScimListRequest.Cursor.encode(id.apply(shown.get(shown.size() - 1))));
    }

    public record Page<E>(List<E> rows, String nextCursor) {
    }
}
