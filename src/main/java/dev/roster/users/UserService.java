package dev.roster.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.GroupDirectory;
import dev.roster.directory.GroupDirectory.GroupOfMember;
import dev.roster.directory.Seats;
import dev.roster.directory.UserDirectory;
import dev.roster.query.CompiledQuery;
import dev.roster.query.FilterCompiler;
import dev.roster.query.PageQuery;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.patch.PatchOp;
import dev.roster.scim.patch.PatchOutcome;
import dev.roster.scim.wire.InboundResource;
import dev.roster.scim.schema.ResourceType;
import dev.roster.config.RosterConfig;
import dev.roster.events.ChangeEvent;
import dev.roster.events.Outbox;
import dev.roster.rules.RuleBook;
import dev.roster.scim.wire.DocumentChanges;
import dev.roster.store.DatabaseFailure;
import dev.roster.store.StaleWrite;
import dev.roster.store.Transactions;
import io.vertx.mutiny.sqlclient.SqlClient;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantEntity;
import dev.roster.tenant.TenantRepository;
import dev.roster.failure.Failure;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.wire.Preconditions;
import dev.roster.scim.wire.ScimListRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Users: create, read, replace, patch, delete and search, each in one transaction. The document is stored as received
 * (normalised by scim/schema), the indexed columns and the side table are derived from it in the same transaction.
 */
@ApplicationScoped
public class UserService implements UserDirectory {

    @Inject
    UserRepository users;
    @Inject
    GroupDirectory memberships;
    @Inject
    FilterCompiler compiler;
    @Inject
    TenantRepository tenants;
    @Inject
    Outbox outbox;
    @Inject
    RuleBook rules;
    @Inject
    RosterConfig config;
    @Inject
    SeatLimit seatLimit;
    @Inject
    UserStore store;

    /** A user with its direct groups (null when not asked for). */
    public record UserWithGroups(UserEntity user, List<GroupOfMember> groups) {
    }

    public record SearchResult(long total, List<UserWithGroups> users, String nextCursor) {
    }

    public Uni<UserEntity> create(TenantContext caller, ResourceType type, JsonNode body) {
        UUID tenantId = caller.tenantId();
        ObjectNode document = InboundResource.normalize(type, body, InboundResource.Mode.CREATE).document();
        UserEntity user = new UserEntity();
        user.id = Ids.newId();
        user.tenantId = tenantId;
        user.created = Meta.now();
        user.lastModified = user.created;
        user.version = 1;
        applyDocument(user, document);
        Uni<UserEntity> write = labelled(UserEvents.created(caller, user, base(tenantId)), type, true,
                caller.sendActivation())
                .chain(event -> Transactions.retrying(() -> needsSeat(caller, user, false)
                        ? store.transaction(connection -> seatLimit.admit(connection, caller, user, false)
                                .chain(() -> store.insert(connection, user, outbox.row(event))))
                        : store.autocommit(client -> store.insert(client, user, outbox.row(event)))))
                .replaceWith(user);
        return seatLimit.reportingRefusals(caller, refusingTakenUserName(write, user.userName));
    }

    /** A user by id, with its groups when the answer shows them: one statement. */
    public Uni<UserWithGroups> get(UUID tenantId, UUID id, boolean withGroups) {
        return store.autocommit(client -> store.find(client, tenantId, id, withGroups))
                .onItem().ifNull().failWith(() -> notFound(id))
                .map(found -> new UserWithGroups(found.user(), found.groups()));
    }

    /** PUT (RFC 7644 §3.5.1): the document is replaced; id, meta.created and memberships stay. */
    public Uni<UserWithGroups> replace(TenantContext caller, ResourceType type, UUID id, JsonNode body, String ifMatch) {
        ObjectNode document = InboundResource.normalize(type, body, InboundResource.Mode.REPLACE).document();
        return write(caller, type, id, ifMatch, document.get("userName").asText(),
                user -> new Change(document, DocumentChanges.between(user.doc, document)));
    }

    public Uni<UserWithGroups> patch(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops,
                                     String ifMatch) {
        return write(caller, type, id, ifMatch, null, user -> {
            PatchOutcome outcome = PatchEngine.apply(type, user.doc, ops);
            if (outcome.changedAttributes().isEmpty()) {
                return null;
            }
            ObjectNode document = outcome.resource();
            if (!document.has("active") && outcome.changedAttributes().contains("active")) {
                // Removing active unassigns it, which reads back as false, never as the true an absent value means
                // at creation (issue 14, item 20): a remove must not leave the user active.
                document.put("active", false);
            }
            String userName = document.path("userName").asText(null);
            if (userName == null || userName.isBlank()) {
                throw ScimException.invalidValue("userName is required and cannot be removed.");
            }
            return new Change(document, outcome.changedAttributes());
        });
    }

    /** A write's new document and the attributes it changed, or null from a PATCH that changes nothing. */
    private record Change(ObjectNode document, Collection<String> changed) {
    }

    /**
     * A PUT or PATCH: one read and one conditional write, each its own statement (issue 12). The first attempt reads
     * without a lock and writes only if the version is still the one read; when another writer went first in between,
     * the write is done again in a transaction that locks the row as it reads it, so it cannot lose twice, and a
     * concurrent If-Match then sees the version that won (exactly one winner per version; issue 10, item 2). A write
     * that may take a seat goes the locked way at once, since the seat check locks the tenant's row (issue 15).
     */
    private Uni<UserWithGroups> write(TenantContext caller, ResourceType type, UUID id, String ifMatch,
                                      String userName, java.util.function.Function<UserEntity, Change> change) {
        Uni<UserWithGroups> write = Transactions.retrying(() -> store.autocommit(client ->
                        attempt(caller, type, id, ifMatch, change, client, false))
                .onFailure(StaleWrite.class).recoverWithUni(() -> store.transaction(connection ->
                        attempt(caller, type, id, ifMatch, change, connection, true))));
        return seatLimit.reportingRefusals(caller, refusingTakenUserName(write, userName));
    }

    private Uni<UserWithGroups> attempt(TenantContext caller, ResourceType type, UUID id, String ifMatch,
                                        java.util.function.Function<UserEntity, Change> change, SqlClient client,
                                        boolean locked) {
        UUID tenantId = caller.tenantId();
        Uni<UserStore.Found> read = locked ? store.lock(client, tenantId, id)
                : store.find(client, tenantId, id, true);
        return read.onItem().ifNull().failWith(() -> notFound(id)).chain(found -> {
            UserEntity user = found.user();
            Preconditions.check(ifMatch, user.version);
            Change wanted = change.apply(user);
            if (wanted == null) {
                return Uni.createFrom().item(new UserWithGroups(user, found.groups()));
            }
            boolean wasActive = user.active;
            long readVersion = user.version;
            List<UserValues.Row> rows = UserValues.extract(wanted.document());
            List<UserValues.Row> changedRows = rows.equals(UserValues.extract(user.doc)) ? null : rows;
            applyDocument(user, wanted.document());
            touch(user);
            boolean seat = needsSeat(caller, user, wasActive);
            if (seat && !locked) {
                return Uni.createFrom().failure(new StaleWrite("the seat count"));
            }
            Uni<Void> admitted = seat ? seatLimit.admit(client, caller, user, true) : Uni.createFrom().voidItem();
            return admitted.chain(() -> eventOf(caller, type, user, found.groups(), wasActive, wanted.changed()))
                    .chain(event -> store.update(client, user, readVersion, changedRows, outbox.row(event)))
                    .map(written -> {
                        if (!written) {
                            throw new StaleWrite("User " + id);
                        }
                        return new UserWithGroups(user, found.groups());
                    });
        });
    }

    /** The event of a replace or patch, or null when nothing an event reports changed. */
    private Uni<ChangeEvent> eventOf(TenantContext caller, ResourceType type, UserEntity user,
                                     List<GroupOfMember> groups, boolean wasActive, Collection<String> changed) {
        return UserEvents.changed(caller, user, groups, base(caller.tenantId()), wasActive, changed)
                .map(event -> labelled(event, type, false, null))
                .orElse(Uni.createFrom().nullItem());
    }

    /** Whether the write makes a user active in a tenant with a seat limit (the check locks the tenant's row). */
    private static boolean needsSeat(TenantContext caller, UserEntity user, boolean wasActive) {
        return caller.seatLimited() && user.active && !wasActive;
    }

    /**
     * userName is unique per tenant, case-insensitively (RFC 7643 §4.1.1): the unique index refuses a taken one, which
     * is answered as SCIM's uniqueness error rather than counted before every write.
     */
    private static <T> Uni<T> refusingTakenUserName(Uni<T> write, String userName) {
        return write.onFailure(DatabaseFailure::isUniqueViolation)
                .transform(failure -> ScimException.uniqueness("userName" + (userName == null ? ""
                        : " '" + userName + "'") + " is already used by another user of this application (userName"
                        + " is unique, compared case-insensitively). Match the existing user or change the userName"
                        + " mapping."));
    }

    private static ScimException notFound(UUID id) {
        return ScimException.notFound("User " + id + " not found.");
    }

    /**
     * DELETE: per the tenant's setting, a hard delete (the row, its side-table rows by cascade) or a soft delete
     * (hidden from SCIM, its userName free again, restorable through the admin API until purged). Either way the user
     * leaves its groups. The row is locked first, so concurrent deletes answer 204 once and 404 after, and a concurrent
     * member add either commits before (and its membership is removed here) or finds no user.
     */
    public Uni<Void> delete(TenantContext caller, UUID id, String ifMatch) {
        return Transactions.write(() -> deleteOnce(caller, id, ifMatch));
    }

    private Uni<Void> deleteOnce(TenantContext caller, UUID id, String ifMatch) {
        UUID tenantId = caller.tenantId();
        return requireLocked(tenantId, id).chain(user -> {
            Preconditions.check(ifMatch, user.version);
            return outbox.record(UserEvents.deleted(caller, user, base(tenantId)))
                    .chain(() -> memberships.removeEverywhere(tenantId, id))
                    .chain(() -> tenants.findById(tenantId))
                    .chain(tenant -> {
                        if (tenant != null && TenantEntity.SOFT_DELETE.equals(tenant.userDeletion)) {
                            user.deletedAt = Instant.now();
                            touch(user);
                            return Uni.createFrom().voidItem();
                        }
                        return users.delete(user);
                    });
        });
    }

    @Override
    @WithTransaction
    public Uni<Void> restore(UUID tenantId, UUID userId) {
        return users.lockRetained(tenantId, userId)
                .onItem().ifNull().failWith(() -> Failure.notFound("No deleted user " + userId
                        + " is retained in this tenant."))
                .chain(user -> users.userNameTaken(tenantId, user.userName, userId).map(taken -> {
                    if (taken) {
                        throw Failure.conflict("userName '" + user.userName + "' now belongs to another user;"
                                + " rename or delete that user before restoring this one.");
                    }
                    user.deletedAt = null;
                    touch(user);
                    return user;
                }))
                .call(user -> outbox.record(UserEvents.restored(user, base(tenantId))))
                .replaceWithVoid();
    }

    /**
     * One batch of the scheduled purge: removes up to {@code limit} retained users whose tenant's retention has passed,
     * each with its {@code user.purged} event in the same transaction (no group holds them: a soft delete already left
     * every group). Emits how many were removed.
     */
    public Uni<Integer> purgeExpired(int limit) {
        return Transactions.write(() -> users.lockPurgeable(limit).call(expired -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (UserEntity user : expired) {
                all = all.chain(() -> outbox.record(UserEvents.purged(user, base(user.tenantId))))
                        .chain(() -> users.delete(user));
            }
            return all;
        }).map(List::size));
    }

    @Override
    @WithSession
    public Uni<List<String>> identifyingTexts(UUID tenantId, UUID userId) {
        return users.findAny(tenantId, userId).map(user -> {
            if (user == null) {
                throw Failure.notFound("No user " + userId + " in this tenant.");
            }
            List<String> texts = new java.util.ArrayList<>();
            texts.add(user.userName);
            if (user.externalId != null) {
                texts.add(user.externalId);
            }
            if (user.displayName != null && user.displayName.length() >= 4) {
                texts.add(user.displayName);
            }
            user.doc.path("emails").forEach(email -> {
                if (email.path("value").isTextual()) {
                    texts.add(email.path("value").asText());
                }
            });
            return texts;
        });
    }

    @Override
    public Uni<Void> erase(UUID tenantId, UUID userId) {
        return Transactions.write(() -> users.lockAny(tenantId, userId)
                .onItem().ifNull().failWith(() -> Failure.notFound("No user " + userId + " in this tenant."))
                .chain(user -> memberships.removeEverywhere(tenantId, userId)
                        .chain(() -> users.delete(user))
                        .chain(() -> outbox.eraseResource(tenantId, userId))
                        .chain(() -> outbox.record(UserEvents.erased(tenantId, userId)))));
    }

    @Override
    @WithSession
    public Uni<Map<UUID, Seats>> seats(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return users.seats(tenantIds);
    }

    /**
     * A list request. Entra's matching lookups ({@code userName eq "x"}, {@code externalId eq "x"}, first page, no sort)
     * are one prepared statement with the users' groups in it (issue 12); every other filter goes through the filter
     * compiler.
     */
    public Uni<SearchResult> search(UUID tenantId, ResourceType type, ScimListRequest request, boolean withGroups) {
        Filter filter = parse(request.filter());
        UserLookup lookup = UserLookup.of(filter, request);
        if (lookup == null) {
            return compiledSearch(tenantId, type, filter, request, withGroups);
        }
        // One row more than the page tells whether the page holds every match (then it is the total).
        return store.autocommit(client -> store.lookup(client, tenantId, lookup.column(), lookup.value(), withGroups,
                        request.count() + 1))
                .chain(found -> found.size() <= request.count()
                        ? Uni.createFrom().item(new SearchResult(found.size(), found.stream()
                                .map(f -> new UserWithGroups(f.user(), f.groups())).toList(), null))
                        : compiledSearch(tenantId, type, filter, request, withGroups));
    }

    private Uni<SearchResult> compiledSearch(UUID tenantId, ResourceType type, Filter filter, ScimListRequest request,
                                             boolean withGroups) {
        CompiledQuery query = compiler.compile(type, tenantId, filter);
        PageQuery page = PageQuery.of(query, type, request);
        return Panache.withSession(() -> page.execute(() -> users.count(query),
                        (first, rows) -> users.page(page, first, rows), user -> user.id)
                .chain(result -> groupsFor(tenantId, result.rows(), withGroups)
                        .map(rows -> new SearchResult(result.total(), rows, result.nextCursor()))));
    }

    @Override
    public Uni<Set<UUID>> lockExisting(UUID tenantId, Collection<UUID> ids) {
        return users.lockExistingIds(tenantId, ids).map(Set::copyOf);
    }

    /** The event with the labels of the tenant's rules the user matches (issue 11, item 5). */
    private Uni<ChangeEvent> labelled(ChangeEvent event, ResourceType type, boolean created, Boolean activation) {
        return rules.labels(event.tenantId(), type, event.resource(), created)
                .map(labels -> event.withLabels(labels, activation));
    }

    /** Events show resources in the Tenant URL form, whichever form the request used. */
    private String base(UUID tenantId) {
        return config.tenantUrl(tenantId);
    }

    private Uni<List<UserWithGroups>> groupsFor(UUID tenantId, List<UserEntity> page, boolean withGroups) {
        if (!withGroups || page.isEmpty()) {
            return Uni.createFrom().item(page.stream().map(u -> new UserWithGroups(u, null)).toList());
        }
        return memberships.groupsOf(tenantId, page.stream().map(u -> u.id).toList()).map(all -> {
            Map<UUID, List<GroupOfMember>> byUser = all.stream().collect(Collectors.groupingBy(GroupOfMember::memberId));
            return page.stream().map(u -> new UserWithGroups(u, byUser.getOrDefault(u.id, List.of()))).toList();
        });
    }

    private Uni<UserEntity> requireLocked(UUID tenantId, UUID id) {
        return users.lockLive(tenantId, id)
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /** The indexed columns mirror the document (docs/architecture.md, "Storage"). */
    private static void applyDocument(UserEntity user, ObjectNode document) {
        user.doc = document;
        user.userName = document.get("userName").asText();
        user.externalId = document.hasNonNull("externalId") ? document.get("externalId").asText() : null;
        user.displayName = document.hasNonNull("displayName") ? document.get("displayName").asText() : null;
        boolean wasActive = user.active;
        user.active = !document.has("active") || document.get("active").asBoolean(true);
        if (user.active) {
            user.deactivatedAt = null;
        } else if (wasActive || user.deactivatedAt == null) {
            user.deactivatedAt = Instant.now();
        }
    }

    private static void touch(UserEntity user) {
        user.lastModified = Meta.now();
        user.version++;
    }

    /** Lenient parsing: Entra's documentation shows unquoted values (Q14); quoted ones read the same. */
    private static Filter parse(String filter) {
        return filter == null ? null : FilterParser.parseLenient(filter);
    }
}
