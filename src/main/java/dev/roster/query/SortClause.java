package dev.roster.query;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.PathParser;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;

import java.util.Locale;
import java.util.Map;

/**
 * {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3) as an HQL order clause. Sorting is offered on the indexed columns
 * (userName, displayName, externalId, id, meta.created, meta.lastModified); any other attribute is an invalidValue that
 * lists them. The id always comes last, so pages are stable: equal sort keys never swap between requests.
 */
public final class SortClause {

    private static final Map<String, String> USER_COLUMNS = Map.of(
            "username", "lower(u.userName)",
            "displayname", "lower(u.displayName)",
            "externalid", "u.externalId",
            "id", "u.id",
            "meta.created", "u.created",
            "meta.lastmodified", "u.lastModified");
    private static final Map<String, String> GROUP_COLUMNS = Map.of(
            "displayname", "lower(g.displayName)",
            "externalid", "g.externalId",
            "id", "g.id",
            "meta.created", "g.created",
            "meta.lastmodified", "g.lastModified");

    private SortClause() {
    }

    /** {@code " order by ..."} for the resource type's alias ({@code u} or {@code g}). */
    public static String of(ResourceType type, String sortBy, boolean descending) {
        boolean users = "User".equals(type.name());
        String alias = users ? "u" : "g";
        if (sortBy == null) {
            return " order by " + alias + ".id" + (descending ? " desc" : "");
        }
        AttrPath path = PathParser.parseAttrPath(sortBy);
        String key = type.resolve(path.schema(), path.name(), path.subAttribute())
                .filter(resolved -> !resolved.extension())
                .map(SortClause::key)
                .orElse("");
        String column = (users ? USER_COLUMNS : GROUP_COLUMNS).get(key);
        if (column == null) {
            throw ScimException.invalidValue("sortBy supports " + String.join(", ",
                    (users ? USER_COLUMNS : GROUP_COLUMNS).keySet().stream().sorted().map(SortClause::spelled).toList())
                    + "; got '" + sortBy + "'.");
        }
        String direction = descending ? " desc" : " asc";
        // Absent values sort last ascending (PostgreSQL's default), whatever the direction of the ids.
        return " order by " + column + direction + " nulls last, " + alias + ".id" + direction;
    }

    private static String key(ResolvedAttribute resolved) {
        String name = resolved.attribute().name().toLowerCase(Locale.ROOT);
        return resolved.subAttribute() == null ? name : name + "." + resolved.subAttribute().name().toLowerCase(Locale.ROOT);
    }

    private static String spelled(String key) {
        return switch (key) {
            case "username" -> "userName";
            case "displayname" -> "displayName";
            case "externalid" -> "externalId";
            case "meta.lastmodified" -> "meta.lastModified";
            default -> key;
        };
    }
}
