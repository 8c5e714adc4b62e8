package dev.roster.query;

import java.util.List;
import java.util.Map;

/**
 * The HQL names of what users/ and groups/ store, in one place: the entities and properties the compiler writes into
 * queries. query/ cannot import the features' entities (they depend on it), so a renamed entity or field would only show
 * at run time; {@code StoredNamesTest} checks every pair below against Hibernate's metamodel on each build.
 */
final class StoredNames {

    static final String USER = "UserEntity";
    static final String GROUP = "GroupEntity";
    static final String USER_VALUE = "UserValueEntity";
    static final String MEMBER = "MemberEntity";

    /** Every property the compiler names, per entity. */
    static final Map<String, List<String>> PROPERTIES = Map.of(
            USER, List.of("id", "tenantId", "deletedAt", "doc", "externalId", "userName", "displayName", "active",
                    "created", "lastModified"),
            GROUP, List.of("id", "tenantId", "deletedAt", "doc", "externalId", "displayName", "created", "lastModified"),
            USER_VALUE, List.of("tenantId", "userId", "attribute", "value", "valueLower", "type", "primary"),
            MEMBER, List.of("tenantId", "groupId", "memberId", "memberType"));

    private StoredNames() {
    }
}
