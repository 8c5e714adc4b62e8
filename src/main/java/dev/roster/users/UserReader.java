package dev.roster.users;

import dev.roster.config.RosterConfig;
import dev.roster.directory.GroupDirectory;
import dev.roster.directory.Listing;
import dev.roster.directory.UserCatalog;
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

import java.util.List;
import java.util.UUID;

/**
 * A tenant's users for the admin read API (issue 15, item 1): pages by a SCIM filter in creation, userName or update
 * order (each served by an index that leads with the tenant), retained deleted users as tombstones, and one user with
 * its groups and admin metadata.
 */
@ApplicationScoped
public class UserReader implements UserCatalog {

    static final List<SortKey> SORT_KEYS = List.of(SortKey.created(),
            new SortKey("userName", "lower({alias}.userName)", SortKey.Kind.TEXT),
            new SortKey("updatedAt", "{alias}.lastModified", SortKey.Kind.INSTANT));

    @Inject
    TenantRepository tenants;
    @Inject
    TenantSchemas schemas;
    @Inject
    FilterCompiler compiler;
    @Inject
    UserRepository users;
    @Inject
    GroupDirectory memberships;
    @Inject
    RosterConfig config;

    @Override
    @WithSession
    public Uni<Listing.Page> list(Listing.Request request) {
        UUID tenantId = request.tenantId();
        return tenants.requireExists(tenantId).chain(() -> schemas.registry(tenantId)).chain(registry -> {
            KeysetPage page = ReadQueries.page(compiler, registry.user(), tenantId, request.filter(),
                    request.retained(), SORT_KEYS, request.sortBy(), request.after(), request.limit());
            return users.keyset(page).map(rows -> {
                KeysetPage.Result<UserEntity> result = page.result(rows, user -> user.id,
                        user -> sortValue(page.key(), user));
                return new Listing.Page(result.rows().stream().map(user -> entry(user, null)).toList(),
                        result.nextCursor());
            });
        });
    }

    @Override
    @WithSession
    public Uni<Listing.Entry> describe(UUID tenantId, UUID userId) {
        return users.findAny(tenantId, userId)
                .onItem().ifNull().failWith(() -> Failure.notFound("No user " + userId + " in this tenant (deleted"
                        + " users are shown while their tenant retains them)."))
                .chain(user -> memberships.groupsOf(tenantId, List.of(userId)).map(groups -> entry(user, groups)));
    }

    @Override
    public com.fasterxml.jackson.databind.node.ObjectNode render(Listing.Stored stored) {
        UserEntity user = new UserEntity();
        user.tenantId = stored.tenantId();
        user.id = stored.id();
        user.doc = stored.doc();
        user.active = stored.active();
        user.created = stored.created();
        user.lastModified = stored.lastModified();
        user.version = stored.version();
        return UserResponses.render(user, null, config.tenantUrl(user.tenantId), AttributeProjection.all());
    }

    /** The value of the sort key a page was ordered by, for its cursor (the created key needs only the id). */
    private static Object sortValue(SortKey key, UserEntity user) {
        return switch (key.name()) {
            case "userName" -> user.userName;
            case "updatedAt" -> user.lastModified;
            default -> null;
        };
    }

    private Listing.Entry entry(UserEntity user, List<GroupDirectory.GroupOfMember> groups) {
        return new Listing.Entry(user.id, UserResponses.render(user, groups, config.tenantUrl(user.tenantId),
                AttributeProjection.all()),
                user.created, user.lastModified, user.deactivatedAt, user.deletedAt, null);
    }
}
