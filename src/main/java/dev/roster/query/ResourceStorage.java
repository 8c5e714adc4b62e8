package dev.roster.query;

import java.util.Map;
import java.util.Optional;

/**
 * How a feature stores one resource type, published to the filter compiler (users/UserStorage, groups/GroupStorage):
 * the entity and alias its queries use, the attributes kept in columns, the multi-valued attributes kept as rows, and the
 * row tables it owns. The compiler knows SCIM filters; each feature knows its tables (in the way Keycloak's SCIM module
 * resolves attributes to expressions). {@code StorageMappingTest} checks every published name against Hibernate's
 * metamodel, so a renamed field fails the build, not a query at run time.
 */
public interface ResourceStorage {

    /** The core schema of the resource type ({@code urn:ietf:params:scim:schemas:core:2.0:User}). */
    String schemaId();

    /** The resource type's name, as {@code meta.resourceType} shows it. */
    String resourceType();

    /** The HQL entity name. */
    String entity();

    /** The root alias of its queries; distinct per resource type. */
    String alias();

    /**
     * Attributes of the core schema kept in columns of the entity, keyed by attribute name ({@code userName}) or
     * {@code meta.<sub>}; looked up case-insensitively. Every other core attribute is read from the jsonb document.
     */
    Map<String, StoredColumn> columns();

    /** Multi-valued attributes kept as rows of a table, keyed by attribute name. */
    Map<String, RowSource> rows();

    /** The HQL entity of a row table this feature owns, if it owns it. */
    Optional<String> rowEntity(RowSource source);
}
