package dev.roster.query;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathParser;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3) as an HQL order clause. Sorting is offered on the indexed columns
 * (userName, displayName, externalId, id, meta.created, meta.lastModified); any other attribute is an invalidValue that
 * lists them. The id always comes last, so pages are stable: equal sort keys never swap between requests.
 */
public final class SortClause {

    private SortClause() {
    }

    /**
     * The sortable attributes of a storage: its columns that offer sorting, keyed by their published name (userName,
     * meta.created) and mapped to the HQL expression (lower-cased for case-insensitive attributes).
     */
    static Map<String, String> columns(ResourceStorage storage) {
        Map<String, String> sortable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        storage.columns().forEach((name, column) -> {
            String property = storage.alias() + "." + column.property();
            switch (column.sort()) {
                case EXACT -> sortable.put(name, property);
                case LOWERED -> sortable.put(name, "lower(" + property + ")");
                case NONE -> {
                }
            }
        });
        return sortable;
    }

    /** {@code " order by ..."} for a compiled query: by the sortBy attribute, then by id so pages are stable. */
    public static String of(CompiledQuery query, ResourceType type, String sortBy, boolean descending) {
        String alias = query.alias();
        if (sortBy == null) {
            return " order by " + alias + ".id" + (descending ? " desc" : "");
        }
        AttrPath path = PathParser.parseAttrPath(sortBy);
        String key = type.resolve(path.schema(), path.name(), path.subAttribute())
                .filter(resolved -> !resolved.extension())
                .map(SortClause::key)
                .orElse("");
        String column = query.sortable().get(key);
        if (column == null) {
            throw ScimException.invalidValue("sortBy supports " + String.join(", ", query.sortable().keySet())
                    + "; got '" + sortBy + "'.");
        }
        String direction = descending ? " desc" : " asc";
        // Absent values sort last ascending (PostgreSQL's default), whatever the direction of the ids.
        return " order by " + column + direction + " nulls last, " + alias + ".id" + direction;
    }

    private static String key(ResolvedAttribute resolved) {
        String name = resolved.attribute().name();
        return resolved.subAttribute() == null ? name : name + "." + resolved.subAttribute().name();
    }
}
