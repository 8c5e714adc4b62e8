package dev.roster.query;

import dev.roster.failure.Failure;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.schema.ResourceType;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admin read API's queries (issue 15, item 1): the SCIM filter language through the same compiler as SCIM, a sort
 * key by name, keyset pages. Mistakes are the admin surface's 400 problems, saying what to send instead.
 */
public final class ReadQueries {

    private ReadQueries() {
    }

    /** The page of {@code filter} (null: all) in the order of {@code sortBy} (null: creation) after {@code after}. */
    public static KeysetPage page(FilterCompiler compiler, ResourceType type, UUID tenantId, String filter,
                                  boolean retained, List<KeysetPage.SortKey> keys, String sortBy, String after,
                                  int limit) {
        KeysetPage.SortKey key = sortKey(keys, sortBy);
        CompiledQuery query;
        try {
            Filter parsed = filter == null || filter.isBlank() ? null : FilterParser.parseLenient(filter);
            query = retained ? compiler.compileRetained(type, tenantId, parsed)
                    : compiler.compile(type, tenantId, parsed);
        } catch (ScimException e) {
            throw Failure.invalid("'filter' is not a filter Roster can evaluate: " + e.detail());
        }
        return KeysetPage.of(query, key, after, limit);
    }

    private static KeysetPage.SortKey sortKey(List<KeysetPage.SortKey> keys, String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return keys.get(0);
        }
        return keys.stream().filter(key -> key.name().equalsIgnoreCase(sortBy.trim())).findFirst()
                .orElseThrow(() -> Failure.invalid("'sortBy' must be one of "
                        + keys.stream().map(KeysetPage.SortKey::name).collect(Collectors.joining(", "))
                        + "; got '" + sortBy + "'."));
    }
}
