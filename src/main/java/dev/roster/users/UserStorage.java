package dev.roster.users;

import dev.roster.query.ResourceStorage;
import dev.roster.query.RowSource;
import dev.roster.query.StoredColumn;
import dev.roster.query.StoredColumn.ColumnType;
import dev.roster.query.StoredColumn.Sort;
import dev.roster.scim.schema.CoreSchemas;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How users are stored, published to the filter compiler: {@link UserEntity}'s indexed columns (Entra's hot filters
 * userName, externalId, id all land on an index, docs/architecture.md, "Storage"), the email side table
 * ({@link UserValueEntity}), and a user's groups read from the membership table.
 */
@Singleton
public class UserStorage implements ResourceStorage {

    /**
     * Multi-valued attributes mirrored into the side table, one row per element, in the transaction that writes the
     * document ({@link UserValues}); a filter on any other multi-valued attribute reads the document.
     */
    public static final List<String> VALUE_ATTRIBUTES = List.of("emails");

    private static final Map<String, StoredColumn> COLUMNS = Map.of(
            "id", new StoredColumn("id", ColumnType.UUID, false, Sort.EXACT),
            "externalId", new StoredColumn("externalId", ColumnType.TEXT, true, Sort.EXACT),
            "userName", new StoredColumn("userName", ColumnType.TEXT, false, Sort.LOWERED),
            "displayName", new StoredColumn("displayName", ColumnType.TEXT, true, Sort.LOWERED),
            // Always rendered from the column (default true), so every user has it: "active pr" holds for all.
            "active", new StoredColumn("active", ColumnType.BOOLEAN, false, Sort.NONE),
            "meta.created", new StoredColumn("created", ColumnType.INSTANT, false, Sort.EXACT),
            "meta.lastModified", new StoredColumn("lastModified", ColumnType.INSTANT, false, Sort.EXACT));

    @Override
    public String schemaId() {
        return CoreSchemas.USER_ID;
    }

    @Override
    public String resourceType() {
        return "User";
    }

    @Override
    public String entity() {
        return UserEntity.class.getSimpleName();
    }

    @Override
    public String alias() {
        return "u";
    }

    @Override
    public Map<String, StoredColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, RowSource> rows() {
        return Map.of("emails", RowSource.USER_VALUES, "groups", RowSource.USER_GROUPS);
    }

    @Override
    public Optional<String> rowEntity(RowSource source) {
        return source == RowSource.USER_VALUES ? Optional.of(UserValueEntity.class.getSimpleName()) : Optional.empty();
    }
}
