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
import dev.roster.store.Transactions;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantEntity;
import dev.roster.tenant.TenantRepository;
import dev.roster.failure.Failure;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.wire.Preconditions;
import dev.roster.scim.wire.ScimListRequest;
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
    UserValueStore values;
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

    /** A user with its direct groups (null when not asked for). */
    public record UserWithGroups(UserEntity user, List<GroupOfMember> groups) {
    }

    public record SearchResult(long total, List<UserWithGroups> users, String nextCursor) {
    }

    public Uni<UserEntity> create(TenantContext caller, ResourceType type, JsonNode body) {
        return seatLimit.reportingRefusals(caller, Transactions.write(() -> createOnce(caller, type, body)));
    }

    private Uni<UserEntity> createOnce(TenantContext caller, ResourceType type, JsonNode body) {
        UUID tenantId = caller.tenantId();
        ObjectNode document = InboundResource.normalize(type, body, InboundResource.Mode.CREATE).document();
        String userName = document.get("userName").asText();
        return requireFreeUserName(tenantId, userName, null).chain(() -> {
            UserEntity user = new UserEntity();
            user.id = Ids.newId();
            user.tenantId = tenantId;
            user.created = Meta.now();
            user.lastModified = user.created;
            user.version = 1;
            applyDocument(user, document);
            return seatLimit.admit(caller, user, false, false).chain(() -> users.persist(user)).call(values::replace)
                    .call(created -> labelled(UserEvents.created(caller, created, base(tenantId)), type, true,
                            caller.sendActivation()).chain(outbox::record));
        });
    }

    @WithSession
    public Uni<UserWithGroups> get(UUID tenantId, UUID id, boolean withGroups) {
        return require(tenantId, id).chain(user -> withGroups
                ? memberships.groupsOf(tenantId, List.of(id)).map(groups -> new UserWithGroups(user, groups))
                : Uni.createFrom().item(new UserWithGroups(user, null)));
    }

    /** PUT (RFC 7644 §3.5.1): the document is replaced; id, meta.created and memberships stay. */
    public Uni<UserWithGroups> replace(TenantContext caller, ResourceType type, UUID id, JsonNode body, String ifMatch) {
        return seatLimit.reportingRefusals(caller,
                Transactions.write(() -> replaceOnce(caller, type, id, body, ifMatch)));
    }

    private Uni<UserWithGroups> replaceOnce(TenantContext caller, ResourceType type, UUID id, JsonNode body,
                                            String ifMatch) {
        UUID tenantId = caller.tenantId();
        ObjectNode document = InboundResource.normalize(type, body, InboundResource.Mode.REPLACE).document();
        return requireLocked(tenantId, id).chain(user -> {
            Preconditions.check(ifMatch, user.version);
            String userName = document.get("userName").asText();
            ObjectNode before = user.doc;
            boolean wasActive = user.active;
            return requireFreeUserName(tenantId, userName, id).chain(() -> {
                applyDocument(user, document);
                touch(user);
                return seatLimit.admit(caller, user, true, wasActive)
                        .chain(() -> values.replace(user)).chain(() -> withGroups(tenantId, user))
                        .call(written -> recordChange(caller, type, written, wasActive,
                                DocumentChanges.between(before, document)));
            });
        });
    }

    public Uni<UserWithGroups> patch(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops,
                                     String ifMatch) {
        return seatLimit.reportingRefusals(caller,
                Transactions.write(() -> patchOnce(caller, type, id, ops, ifMatch)));
    }

    private Uni<UserWithGroups> patchOnce(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops,
                                          String ifMatch) {
        UUID tenantId = caller.tenantId();
        return requireLocked(tenantId, id).chain(user -> {
            Preconditions.check(ifMatch, user.version);
            PatchOutcome outcome = PatchEngine.apply(type, user.doc, ops);
            if (outcome.changedAttributes().isEmpty()) {
                return withGroups(tenantId, user);
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
            Uni<Void> uniqueness = userName.equalsIgnoreCase(user.userName) ? Uni.createFrom().voidItem()
                    : requireFreeUserName(tenantId, userName, id);
            boolean wasActive = user.active;
            return uniqueness.chain(() -> {
                applyDocument(user, document);
                touch(user);
                return seatLimit.admit(caller, user, true, wasActive)
                        .chain(() -> values.replace(user)).chain(() -> withGroups(tenantId, user))
                        .call(written -> recordChange(caller, type, written, wasActive,
                                outcome.changedAttributes()));
            });
        });
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

    @WithSession
    public Uni<SearchResult> search(UUID tenantId, ResourceType type, ScimListRequest request, boolean withGroups) {
        CompiledQuery query = compiler.compile(type, tenantId, parse(request.filter()));
        PageQuery page = PageQuery.of(query, type, request);
        return page.execute(() -> users.count(query), (first, rows) -> users.page(page, first, rows),
                        user -> user.id)
                .chain(result -> groupsFor(tenantId, result.rows(), withGroups)
                        .map(rows -> new SearchResult(result.total(), rows, result.nextCursor())));
    }

    @Override
    public Uni<Set<UUID>> lockExisting(UUID tenantId, Collection<UUID> ids) {
        return users.lockExistingIds(tenantId, ids).map(Set::copyOf);
    }

    /** Records the event of a replace or patch, if anything changed. */
    private Uni<Void> recordChange(TenantContext caller, ResourceType type, UserWithGroups written, boolean wasActive,
                                   java.util.Collection<String> changed) {
        return UserEvents.changed(caller, written.user(), written.groups(), base(caller.tenantId()), wasActive, changed)
                .map(event -> labelled(event, type, false, null).chain(outbox::record))
                .orElse(Uni.createFrom().voidItem());
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

    /** The written user with its groups, read in the same transaction, so the answer shows what a GET would. */
    private Uni<UserWithGroups> withGroups(UUID tenantId, UserEntity user) {
        return memberships.groupsOf(tenantId, List.of(user.id)).map(groups -> new UserWithGroups(user, groups));
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

    private Uni<UserEntity> require(UUID tenantId, UUID id) {
        return users.findLive(tenantId, id)
                .onItem().ifNull().failWith(() -> ScimException.notFound("User " + id + " not found."));
    }

    private Uni<UserEntity> requireLocked(UUID tenantId, UUID id) {
        return users.lockLive(tenantId, id)
                .onItem().ifNull().failWith(() -> ScimException.notFound("User " + id + " not found."));
    }

    private Uni<Void> requireFreeUserName(UUID tenantId, String userName, UUID exceptId) {
        return users.userNameTaken(tenantId, userName, exceptId).invoke(taken -> {
            if (taken) {
                throw ScimException.uniqueness("userName '" + userName + "' is already used by another user of this"
                        + " application (userName is unique, compared case-insensitively). Match the existing user or"
                        + " change the userName mapping.");
            }
        }).replaceWithVoid();
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
