package dev.roster.groups;

import dev.roster.config.RosterConfig;
import dev.roster.directory.GroupCatalog;
import dev.roster.directory.Listing;
import dev.roster.failure.Failure;
import dev.roster.query.FilterCompiler;
import dev.roster.query.KeysetPage;
import dev.roster.query.KeysetPage.SortKey;
import dev.roster.query.ReadQueries;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.tenant.TenantRepository;
import dev.roster.tenant.TenantSchemas;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's groups for the admin read API (issue 15, item 1): pages by a SCIM filter in creation, displayName or update
 * order, never with their member lists; one group with its member count; its members paged by member id (fast at
 * 100,000 members).
 */
@ApplicationScoped
public class GroupReader implements GroupCatalog {

    static final List<SortKey> SORT_KEYS = List.of(SortKey.created(),
            new SortKey("displayName", "lower({alias}.displayName)", SortKey.Kind.TEXT),
            new SortKey("updatedAt", "{alias}.lastModified", SortKey.Kind.INSTANT));

    @Inject
    TenantRepository tenants;
    @Inject
    TenantSchemas schemas;
    @Inject
    FilterCompiler compiler;
    @Inject
    GroupRepository groups;
    @Inject
    MembershipRepository memberships;
    @Inject
    RosterConfig config;

    @Override
    @WithSession
    public Uni<Listing.Page> list(Listing.Request request) {
        UUID tenantId = request.tenantId();
        if (request.retained()) {
            throw Failure.invalid("Only users are kept after deletion; a deleted group is in the event feed"
                    + " (group.deleted).");
        }
        return tenants.requireExists(tenantId).chain(() -> schemas.registry(tenantId)).chain(registry -> {
            KeysetPage page = ReadQueries.page(compiler, registry.group(), tenantId, request.filter(), false,
                    SORT_KEYS, request.sortBy(), request.after(), request.limit());
            return groups.keyset(page).map(rows -> {
                KeysetPage.Result<GroupEntity> result = page.result(rows, group -> group.id,
                        group -> sortValue(page.key(), group));
                return new Listing.Page(result.rows().stream().map(group -> entry(group, null)).toList(),
                        result.nextCursor());
            });
        });
    }

    @Override
    @WithSession
    public Uni<Listing.Entry> describe(UUID tenantId, UUID groupId) {
        return requireGroup(tenantId, groupId).chain(group -> memberships.countMembers(tenantId, groupId)
                .map(count -> entry(group, count)));
    }

    @Override
    @WithSession
    public Uni<Listing.Members> members(UUID tenantId, UUID groupId, String after, int limit) {
        UUID afterId = KeysetPage.afterId(after);
        return requireGroup(tenantId, groupId).chain(() -> memberships.memberPage(tenantId, groupId, afterId, limit + 1))
                .map(rows -> {
                    List<Listing.Member> members = rows.stream().limit(limit).map(GroupReader::member).toList();
                    String next = rows.size() > limit ? KeysetPage.idCursor(members.get(limit - 1).id()) : null;
                    return new Listing.Members(members, next);
                });
    }

    private Uni<GroupEntity> requireGroup(UUID tenantId, UUID groupId) {
        return groups.findLive(tenantId, groupId)
                .onItem().ifNull().failWith(() -> Failure.notFound("No group " + groupId + " in this tenant."));
    }

    private static Listing.Member member(Object[] row) {
        Object added = row[2];
        Instant addedAt = added instanceof OffsetDateTime time ? time.toInstant() : (Instant) added;
        return new Listing.Member((UUID) row[0], (String) row[1], (String) row[3], addedAt);
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode render(Listing.Stored stored) {
        GroupEntity group = new GroupEntity();
        group.tenantId = stored.tenantId();
        group.id = stored.id();
        group.doc = stored.doc();
        group.created = stored.created();
        group.lastModified = stored.lastModified();
        group.version = stored.version();
        return GroupResponses.render(group, null, config.tenantUrl(group.tenantId), AttributeProjection.all());
    }

    private static Object sortValue(SortKey key, GroupEntity group) {
        return switch (key.name()) {
            case "displayName" -> group.displayName;
            case "updatedAt" -> group.lastModified;
            default -> null;
        };
    }

    private Listing.Entry entry(GroupEntity group, Long memberCount) {
        return new Listing.Entry(group.id, GroupResponses.render(group, null, config.tenantUrl(group.tenantId),
                AttributeProjection.all()),
                group.created, group.lastModified, null, null, memberCount);
    }
}
