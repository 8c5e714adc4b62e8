package dev.roster.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SCIM filter compiled for one tenant: an HQL where clause over {@code alias} that already says
 * {@code alias.tenantId = :tenant and alias.deletedAt is null}, and the values of its parameters. Callers add nothing but
 * the order and the page:
 * <pre>{@code
 * CompiledQuery q = compiler.compile(registry.user(), tenantId, filter);
 * users.find(q.hql() + " order by u.created, u.id", q.parameters()).range(first, last).list();  // a repository
 * users.count(q.hql(), q.parameters());
 * }</pre>
 * (the differential test pages the same way through a Mutiny session).
 *
 * @param entity     the entity name ({@code UserEntity}, {@code GroupEntity})
 * @param alias      the root alias the where clause uses ({@code u}, {@code g})
 * @param where      the tenant-scoped where clause
 * @param parameters every named parameter of {@code where} with its value; values are never part of the text
 * @param sortable   the attributes sortBy may name, with the HQL expression to order by (case-insensitive keys)
 */
public record CompiledQuery(String entity, String alias, String where, Map<String, Object> parameters,
                            Map<String, String> sortable) {

    public CompiledQuery {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        sortable = Collections.unmodifiableMap(sortable);
    }

    /** {@code from <entity> <alias> where <where>}. */
    public String hql() {
        return "from " + entity + " " + alias + " where " + where;
    }

    /** {@code select count(<alias>) from ...}: totalResults (RFC 7644 §3.4.2.4). */
    public String countHql() {
        return "select count(" + alias + ") " + hql();
    }

    /** {@code select <alias>.id from ...}. */
    public String idsHql() {
        return "select " + alias + ".id " + hql();
    }
}
