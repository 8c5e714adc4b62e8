package dev.roster.query;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Test helper: runs a {@link CompiledQuery} on a reactive session (the services page through PageQuery instead): the
 * total (RFC 7644 §3.4.2.4 totalResults) and one page in a stable
 * order (created, then id), so that paging with startIndex/count neither skips nor repeats a resource while nothing
 * changes. With Panache: {@code Panache.getSession().chain(session -> ScimQuery.count(session, query))}.
 */
public final class ScimQuery {

    private ScimQuery() {
    }

    /** How many live resources of the tenant match. */
    public static Uni<Long> count(Mutiny.Session session, CompiledQuery query) {
        Mutiny.SelectionQuery<Long> select = session.createSelectionQuery(query.countHql(), Long.class);
        query.parameters().forEach(select::setParameter);
        return select.getSingleResult();
    }

    /** The ids of one page: {@code offset} is startIndex - 1, {@code limit} the count. */
    public static Uni<List<UUID>> ids(Mutiny.Session session, CompiledQuery query, int offset, int limit) {
        Mutiny.SelectionQuery<UUID> select = session.createSelectionQuery(query.idsHql() + order(query), UUID.class);
        query.parameters().forEach(select::setParameter);
        return select.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The entities of one page. */
    public static <E> Uni<List<E>> page(Mutiny.Session session, CompiledQuery query, Class<E> entity, int offset,
            int limit) {
        Mutiny.SelectionQuery<E> select = session.createSelectionQuery(query.hql() + order(query), entity);
        query.parameters().forEach(select::setParameter);
        return select.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static String order(CompiledQuery query) {
        return " order by " + query.alias() + ".created, " + query.alias() + ".id";
    }
}
