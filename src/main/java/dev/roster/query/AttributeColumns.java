package dev.roster.query;

import dev.roster.scim.schema.Names;
import dev.roster.scim.schema.ResolvedAttribute;

/**
 * Where an attribute's values live, from what the features publish ({@link ResourceStorage}): indexed columns, a row
 * table (the user value side table, the membership table), a fixed value, or nowhere filterable. Anything else is read
 * from the jsonb document ({@link Storage.Document}).
 *
 * <p>Entra's hot filters (docs/entra.md, R-10; docs/architecture.md, "Storage") all land on an index:
 * {@code userName eq} ({@code (tenant_id, lower(user_name))}), {@code externalId eq}, {@code displayName eq},
 * {@code id eq} (primary key) and {@code emails[type eq "work"].value eq}
 * ({@code (tenant_id, attribute, value_lower)}).
 */
public final class AttributeColumns {

    private AttributeColumns() {
    }

    /** Where the values of one attribute (or sub-attribute) live. */
    sealed interface Storage {

        /** An entity property of the resource itself. */
        record Column(StoredColumn column) implements Storage {
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

    /** Where {@code resolved} lives for resources stored as {@code storage} publishes. */
    static Storage storage(ResourceStorage storage, ResolvedAttribute resolved) {
        if (resolved.extension()) {
            return new Storage.Document();
        }
        String attribute = resolved.attribute().name();
        String sub = resolved.sub().map(def -> def.name()).orElse(null);
        if (is(attribute, "meta")) {
            return meta(storage, sub);
        }
        StoredColumn column = find(storage.columns(), attribute);
        if (column != null && sub == null) {
            return new Storage.Column(column);
        }
        RowSource rows = find(storage.rows(), attribute);
        if (rows != null) {
            return new Storage.Rows(rows);
        }
        return new Storage.Document();
    }

    private static Storage meta(ResourceStorage storage, String sub) {
        if (sub == null) {
            return new Storage.Meta();
        }
        if (is(sub, "resourceType")) {
            return new Storage.Fixed(storage.resourceType());
        }
        StoredColumn column = find(storage.columns(), "meta." + sub);
        if (column != null) {
            return new Storage.Column(column);
        }
        return new Storage.Unfilterable("\"meta." + sub + "\" cannot be filtered; filter on id, meta.created or"
                + " meta.lastModified");
    }

    private static <T> T find(java.util.Map<String, T> byName, String name) {
        for (java.util.Map.Entry<String, T> entry : byName.entrySet()) {
            if (is(entry.getKey(), name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean is(String name, String expected) {
        return Names.equalsIgnoreCase(name, expected);
    }
}
