package dev.roster.query;

import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.Names;
import dev.roster.scim.schema.ResolvedAttribute;
import java.util.List;

/**
 * The allow-list of what is stored outside the jsonb document: which attributes the filter compiler reads from indexed
 * columns, from the {@code scim_user_value} side table or from the membership table, and which it refuses. Anything not
 * listed here is read from the document ({@link Storage.Document}).
 *
 * <p>Entra's hot filters (entra-provisioning.md R-10, design.md "Storage") all land on an index: {@code userName eq}
 * ({@code (tenant_id, lower(user_name))}), {@code externalId eq}, {@code displayName eq}, {@code id eq} (primary key) and
 * {@code emails[type eq "work"].value eq} ({@code (tenant_id, attribute, value_lower)}).
 */
public final class AttributeColumns {

    /**
     * Multi-valued User attributes mirrored into {@code scim_user_value}, one row per element, in the transaction that
     * writes the document ({@code dev.roster.users.UserValues} extracts the rows). A filter on any other multi-valued
     * attribute reads the document.
     */
    public static final List<String> USER_VALUE_ATTRIBUTES = List.of("emails");

    private AttributeColumns() {
    }

    /** Where the values of one attribute (or sub-attribute) live. */
    sealed interface Storage {

        /** An entity property of the resource itself. */
        record Column(String property, ColumnType type, boolean nullable) implements Storage {
        }

        /** A value every resource of the type has, known without reading a row ({@code meta.resourceType}). */
        record Fixed(String value) implements Storage {
        }

        /**
         * {@code meta}: its sub-attributes are columns and it is always present, so {@code meta pr} holds and
         * {@code meta[created gt "..."]} is a condition on the resource's own columns.
         */
        record Meta() implements Storage {
        }

        /** A multi-valued attribute kept as rows of another table: emails, group members, a user's groups. */
        record Rows(RowSource source) implements Storage {
        }

        /** Not stored anywhere a query can read; filtering on it is an invalidFilter with this detail. */
        record Unfilterable(String detail) implements Storage {
        }

        /** The jsonb document. */
        record Document() implements Storage {
        }
    }

    enum ColumnType { TEXT, UUID, BOOLEAN, INSTANT }

    enum RowSource {
        /** scim_user_value rows of the attribute (emails): value, type, primary. */
        USER_VALUES,
        /** scim_group_member rows of the group: members.value, members.type. */
        GROUP_MEMBERS,
        /** scim_group_member rows naming the user, joined to the live group: groups.value, groups.display. */
        USER_GROUPS
    }

    /** Where {@code resolved} lives for resources of {@code kind}. */
    static Storage storage(ResourceKind kind, ResolvedAttribute resolved) {
        if (resolved.extension()) {
            return new Storage.Document();
        }
        String attribute = resolved.attribute().name();
        String sub = resolved.sub().map(def -> def.name()).orElse(null);
        if (is(attribute, "id")) {
            return new Storage.Column("id", ColumnType.UUID, false);
        }
        if (is(attribute, "externalId")) {
            return new Storage.Column("externalId", ColumnType.TEXT, true);
        }
        if (is(attribute, "meta")) {
            return meta(kind, sub);
        }
        return kind == ResourceKind.USER ? user(attribute) : group(attribute);
    }

    private static Storage user(String attribute) {
        if (is(attribute, "userName")) {
            return new Storage.Column("userName", ColumnType.TEXT, false);
        }
        if (is(attribute, "displayName")) {
            return new Storage.Column("displayName", ColumnType.TEXT, true);
        }
        if (is(attribute, "active")) {
            // Always rendered from the column (default true), so every user has it: "active pr" holds for all.
            return new Storage.Column("active", ColumnType.BOOLEAN, false);
        }
        if (is(attribute, "groups")) {
            return new Storage.Rows(RowSource.USER_GROUPS);
        }
        for (String mirrored : USER_VALUE_ATTRIBUTES) {
            if (is(attribute, mirrored)) {
                return new Storage.Rows(RowSource.USER_VALUES);
            }
        }
        return new Storage.Document();
    }

    private static Storage group(String attribute) {
        if (is(attribute, "displayName")) {
            return new Storage.Column("displayName", ColumnType.TEXT, false);
        }
        if (is(attribute, "members")) {
            return new Storage.Rows(RowSource.GROUP_MEMBERS);
        }
        return new Storage.Document();
    }

    private static Storage meta(ResourceKind kind, String sub) {
        if (sub == null) {
            return new Storage.Meta();
        }
        if (is(sub, "created")) {
            return new Storage.Column("created", ColumnType.INSTANT, false);
        }
        if (is(sub, "lastModified")) {
            return new Storage.Column("lastModified", ColumnType.INSTANT, false);
        }
        if (is(sub, "resourceType")) {
            return new Storage.Fixed(kind == ResourceKind.USER ? "User" : "Group");
        }
        return new Storage.Unfilterable("\"meta." + sub + "\" cannot be filtered; filter on id, meta.created or"
                + " meta.lastModified");
    }

    private static boolean is(String name, String expected) {
        return Names.equalsIgnoreCase(name, expected);
    }

    /** The resource types Roster stores, with the entity and alias their queries use. */
    enum ResourceKind {
        USER(StoredNames.USER, "u", CoreSchemas.USER_ID),
        GROUP(StoredNames.GROUP, "g", CoreSchemas.GROUP_ID);

        final String entity;
        final String alias;
        final String schemaId;

        ResourceKind(String entity, String alias, String schemaId) {
            this.entity = entity;
            this.alias = alias;
            this.schemaId = schemaId;
        }
    }
}
