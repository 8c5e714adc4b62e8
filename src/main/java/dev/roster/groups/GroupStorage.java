package dev.roster.groups;

import dev.roster.query.ResourceStorage;
import dev.roster.query.RowSource;
import dev.roster.query.StoredColumn;
import dev.roster.query.StoredColumn.ColumnType;
import dev.roster.query.StoredColumn.Sort;
import dev.roster.scim.schema.CoreSchemas;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * How groups are stored, published to the filter compiler: {@link GroupEntity}'s indexed columns and the membership
 * table ({@link MemberEntity}), which also serves a user's {@code groups}.
 */
@Singleton
public class GroupStorage implements ResourceStorage {

    private static final Map<String, StoredColumn> COLUMNS = Map.of(
            "id", new StoredColumn("id", ColumnType.UUID, false, Sort.EXACT),
            "externalId", new StoredColumn("externalId", ColumnType.TEXT, true, Sort.EXACT),
            "displayName", new StoredColumn("displayName", ColumnType.TEXT, false, Sort.LOWERED),
            "meta.created", new StoredColumn("created", ColumnType.INSTANT, false, Sort.EXACT),
            "meta.lastModified", new StoredColumn("lastModified", ColumnType.INSTANT, false, Sort.EXACT));

    @Override
    public String schemaId() {
        return CoreSchemas.GROUP_ID;
    }

    @Override
    public String resourceType() {
        return "Group";
    }

    @Override
    public String entity() {
        return GroupEntity.class.getSimpleName();
    }

    @Override
    public String alias() {
        return "g";
    }

    @Override
    public Map<String, StoredColumn> columns() {
        return COLUMNS;
    }

    @Override
    public Map<String, RowSource> rows() {
        return Map.of("members", RowSource.GROUP_MEMBERS);
    }

    @Override
    public Optional<String> rowEntity(RowSource source) {
        return source == RowSource.GROUP_MEMBERS ? Optional.of(MemberEntity.class.getSimpleName()) : Optional.empty();
    }
}
