package dev.roster.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.query.CompiledQuery;
import dev.roster.query.FilterCompiler;
import dev.roster.query.PageQuery;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.patch.MembershipChange;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.patch.PatchOp;
import dev.roster.scim.patch.PatchOutcome;
import dev.roster.scim.wire.InboundResource;
import dev.roster.scim.schema.ResourceType;
import dev.roster.config.RosterConfig;
import dev.roster.events.ChangeEvent;
import dev.roster.events.EventType;
import dev.roster.rules.RuleBook;
import dev.roster.events.Outbox;
import dev.roster.scim.wire.DocumentChanges;
import dev.roster.store.DatabaseFailure;
import dev.roster.store.StaleWrite;
import dev.roster.scim.patch.MemberRef;
import io.vertx.mutiny.sqlclient.SqlClient;
import dev.roster.store.Transactions;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.Ids;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.wire.Preconditions;
import dev.roster.scim.wire.ScimListRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Groups: the document (displayName, externalId, extensions) in scim_group, members in scim_group_member. Each operation
 * is one transaction; member changes touch only the members named.
 */
@ApplicationScoped
public class GroupService {

    @Inject
    GroupRepository groups;
    @Inject
    MembershipRepository memberships;
    @Inject
    GroupMembers members;
    @Inject
    GroupStore store;
    @Inject
    FilterCompiler compiler;
    @Inject
    Outbox outbox;
    @Inject
    RuleBook rules;
    @Inject
    RosterConfig config;

    /** A group with its members (null when not asked for). */
    public record GroupWithMembers(GroupEntity group, List<MemberEntity> members) {
    }

    public record SearchResult(long total, List<GroupWithMembers> groups, String nextCursor) {
    }

    public Uni<GroupEntity> create(TenantContext caller, ResourceType type, JsonNode body) {
        return Transactions.write(() -> createOnce(caller, type, body))
                .onFailure(DatabaseFailure::isUniqueViolation)
                .transform(failure -> displayNameTaken(body.path("displayName").asText("")));
    }

    private Uni<GroupEntity> createOnce(TenantContext caller, ResourceType type, JsonNode body) {
        UUID tenantId = caller.tenantId();
        var normalized = InboundResource.normalize(type, body, InboundResource.Mode.CREATE);
        ObjectNode document = normalized.document();
        GroupEntity group = new GroupEntity();
        group.id = Ids.newId();
        group.tenantId = tenantId;
        group.created = Meta.now();
        group.lastModified = group.created;
        group.version = 1;
        applyDocument(group, document);
        // A taken displayName is refused by the unique index when the row is flushed (no count before it).
        return groups.persist(group)
                .call(saved -> members.apply(tenantId, saved.id,
                                new MembershipChange(false, normalized.members(), Set.of(), false))
                        .chain(delta -> record(type, true, GroupEvents.of(EventType.GROUP_CREATED, caller, saved,
                                base(tenantId), DocumentChanges.attributes(document), delta))));
    }

    @WithSession
    public Uni<GroupWithMembers> get(UUID tenantId, UUID id, boolean withMembers) {
        return require(tenantId, id).chain(group -> withMembers
                ? memberships.members(tenantId, id).map(list -> new GroupWithMembers(group, list))
                : Uni.createFrom().item(new GroupWithMembers(group, null)));
    }

    /** PUT: the document is replaced and the members become exactly those sent. */
    public Uni<GroupEntity> replace(TenantContext caller, ResourceType type, UUID id, JsonNode body, String ifMatch) {
        return Transactions.write(() -> replaceOnce(caller, type, id, body, ifMatch));
    }

    private Uni<GroupEntity> replaceOnce(TenantContext caller, ResourceType type, UUID id, JsonNode body,
                                         String ifMatch) {
        UUID tenantId = caller.tenantId();
        var normalized = InboundResource.normalize(type, body, InboundResource.Mode.REPLACE);
        return requireLocked(tenantId, id).chain(group -> {
            Preconditions.check(ifMatch, group.version);
            ObjectNode document = normalized.document();
            String displayName = document.get("displayName").asText();
            // A PUT without "members" leaves them as they are; "members": [] clears them.
            MembershipChange change = normalized.membersAsserted()
                    ? new MembershipChange(true, normalized.members(), Set.of(), false) : MembershipChange.NONE;
            ObjectNode before = group.doc;
            return requireFreeDisplayName(tenantId, displayName, id)
                    .chain(() -> members.apply(tenantId, id, change))
                    .call(delta -> {
                        applyDocument(group, document);
                        touch(group);
                        return record(type, false, GroupEvents.of(EventType.GROUP_UPDATED, caller, group,
                                base(tenantId), DocumentChanges.between(before, document), delta));
                    })
                    .replaceWith(group);
        });
    }

    /**
     * PATCH: document and member operations, atomically (issue 12: Entra's member PATCHes are the heaviest writes of a
     * cycle). One read and one conditional statement ({@link GroupStore#patch}) that writes only if the group is still
     * at the version read; when another writer went first, the PATCH is done again in a transaction that locks the
     * group's row as it reads it, so it cannot lose twice and If-Match admits one winner per version (issue 10). A PATCH
     * that replaces or removes every member goes the locked way at once: it empties the group first, in the same
     * transaction.
     */
    public Uni<GroupEntity> patch(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops, String ifMatch) {
        return Transactions.retrying(() -> store.autocommit(client ->
                        patchAttempt(caller, type, id, ops, ifMatch, client, false))
                .onFailure(StaleWrite.class).recoverWithUni(() -> store.transaction(connection ->
                        patchAttempt(caller, type, id, ops, ifMatch, connection, true))));
    }

    private Uni<GroupEntity> patchAttempt(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops,
                                          String ifMatch, SqlClient client, boolean locked) {
        UUID tenantId = caller.tenantId();
        Uni<GroupEntity> read = locked ? store.lock(client, tenantId, id) : store.find(client, tenantId, id);
        return read.onItem().ifNull().failWith(() -> notFound(id)).chain(group -> {
            Preconditions.check(ifMatch, group.version);
            PatchOutcome outcome = PatchEngine.apply(type, group.doc, ops);
            if (outcome.isNoOp()) {
                return Uni.createFrom().item(group);
            }
            ObjectNode document = outcome.resource();
            String displayName = document.path("displayName").asText(null);
            if (displayName == null || displayName.isBlank()) {
                throw ScimException.invalidValue("displayName is required and cannot be removed.");
            }
            MembershipChange change = outcome.members();
            boolean cleared = change.replaceAll() || change.removeAll();
            if (cleared && !locked) {
                return Uni.createFrom().failure(new StaleWrite("the member list being replaced"));
            }
            GroupMembers.Requested adding = GroupMembers.requested(id, change.add());
            List<UUID> removing = GroupMembers.uuids(change.removeIds());
            long readVersion = group.version;
            Instant readLastModified = group.lastModified;
            applyDocument(group, document);
            touch(group);
            GroupEvents.Planned events = GroupEvents.planned(caller, group, base(tenantId),
                    outcome.changedAttributes(), cleared, !adding.ids().isEmpty(), !removing.isEmpty());
            Uni<Void> emptied = cleared ? store.clearMembers(client, tenantId, id) : Uni.createFrom().voidItem();
            return emptied.chain(() -> labelled(type, events.own()))
                    .chain(own -> store.patch(client, memberPatch(group, readVersion,
                            !outcome.changedAttributes().isEmpty() || cleared, adding, removing, own, events)))
                    .map(result -> {
                        if (!result.current()) {
                            throw new StaleWrite("Group " + id);
                        }
                        adding.requireAllKnown(result.users(), result.groups());
                        if (!result.written()) { // every member named was already in (or out of) the group
                            group.version = readVersion;
                            group.lastModified = readLastModified;
                        }
                        return group;
                    })
                    .onFailure(DatabaseFailure::isUniqueViolation).transform(failure -> displayNameTaken(displayName));
        });
    }

    private GroupStore.MemberPatch memberPatch(GroupEntity group, long readVersion, boolean documentChanged,
                                               GroupMembers.Requested adding, List<UUID> removing, ChangeEvent own,
                                               GroupEvents.Planned events) {
        String base = base(group.tenantId);
        List<UUID> add = List.copyOf(adding.ids());
        return new GroupStore.MemberPatch(group, readVersion, documentChanged, add,
                add.stream().map(member -> GroupEvents.addedEntry(member, MemberRef.USER, base).toString()).toList(),
                add.stream().map(member -> GroupEvents.addedEntry(member, MemberRef.GROUP, base).toString()).toList(),
                removing, removing.stream().map(member -> GroupEvents.removedEntry(member).toString()).toList(),
                outbox.row(own), outbox.row(events.added()), outbox.row(events.removed()));
    }

    /** The group's own event with the labels of the tenant's rules it matches (null stays null). */
    private Uni<ChangeEvent> labelled(ResourceType type, ChangeEvent own) {
        return own == null ? Uni.createFrom().nullItem()
                : rules.labels(own.tenantId(), type, own.resource(), false).map(labels -> own.withLabels(labels, null));
    }

    private static ScimException notFound(UUID id) {
        return ScimException.notFound("Group " + id + " not found.");
    }

    /** Hard delete: the group, its memberships (cascade) and its own membership in other groups. */
    public Uni<Void> delete(TenantContext caller, UUID id, String ifMatch) {
        return Transactions.write(() -> deleteOnce(caller, id, ifMatch));
    }

    private Uni<Void> deleteOnce(TenantContext caller, UUID id, String ifMatch) {
        UUID tenantId = caller.tenantId();
        return requireLocked(tenantId, id).chain(group -> {
            Preconditions.check(ifMatch, group.version);
            return outbox.record(GroupEvents.deleted(caller, group, base(tenantId)))
                    .chain(() -> memberships.removeEverywhere(tenantId, id))
                    .chain(() -> memberships.removeAll(tenantId, id))
                    .chain(() -> groups.delete(group));
        });
    }

    @WithSession
    public Uni<SearchResult> search(UUID tenantId, ResourceType type, ScimListRequest request, boolean withMembers) {
        CompiledQuery query = compiler.compile(type, tenantId, parse(request.filter()));
        PageQuery page = PageQuery.of(query, type, request);
        return page.execute(() -> groups.count(query), (first, rows) -> groups.page(page, first, rows),
                        group -> group.id)
                .chain(result -> withMembers(tenantId, result.rows(), withMembers)
                        .map(list -> new SearchResult(result.total(), list, result.nextCursor())));
    }

    private Uni<List<GroupWithMembers>> withMembers(UUID tenantId, List<GroupEntity> page, boolean withMembers) {
        if (!withMembers) {
            return Uni.createFrom().item(page.stream().map(g -> new GroupWithMembers(g, null)).toList());
        }
        Uni<List<GroupWithMembers>> all = Uni.createFrom().item(new java.util.ArrayList<>());
        for (GroupEntity group : page) {
            all = all.chain(list -> memberships.members(tenantId, group.id).map(m -> {
                list.add(new GroupWithMembers(group, m));
                return list;
            }));
        }
        return all;
    }

    private Uni<GroupEntity> require(UUID tenantId, UUID id) {
        return groups.findLive(tenantId, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /**
     * The group with its row locked until the transaction ends: writers of one group go one at a time, so If-Match admits
     * one winner per version and member changes of two requests never interleave (issue 10, item 2).
     */
    private Uni<GroupEntity> requireLocked(UUID tenantId, UUID id) {
        return groups.lockLive(tenantId, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private Uni<Void> requireFreeDisplayName(UUID tenantId, String displayName, UUID exceptId) {
        return groups.displayNameTaken(tenantId, displayName, exceptId).invoke(taken -> {
            if (taken) {
                throw displayNameTaken(displayName);
            }
        }).replaceWithVoid();
    }

    private static ScimException displayNameTaken(String displayName) {
        return ScimException.uniqueness("A group named '" + displayName + "' already exists in this application"
                + " (displayName is unique, compared case-insensitively). Match the existing group or rename this one.");
    }

    /**
     * Records a write's events; the group's own event (created or updated) carries the labels of the tenant's rules it
     * matches (issue 11, item 5), member events carry none.
     */
    private Uni<Void> record(ResourceType type, boolean created, List<ChangeEvent> events) {
        if (events.isEmpty() || !isOwnEvent(events.get(0))) {
            return outbox.record(events);
        }
        ChangeEvent own = events.get(0);
        return rules.labels(own.tenantId(), type, own.resource(), created).chain(labels -> {
            List<ChangeEvent> labelled = new java.util.ArrayList<>(events);
            labelled.set(0, own.withLabels(labels, null));
            return outbox.record(labelled);
        });
    }

    private static boolean isOwnEvent(ChangeEvent event) {
        return event.type() == EventType.GROUP_CREATED || event.type() == EventType.GROUP_UPDATED;
    }

    /** Events show resources in the Tenant URL form, whichever form the request used. */
    private String base(UUID tenantId) {
        return config.tenantUrl(tenantId);
    }

    private static void applyDocument(GroupEntity group, ObjectNode document) {
        group.doc = document;
        group.displayName = document.get("displayName").asText();
        group.externalId = document.hasNonNull("externalId") ? document.get("externalId").asText() : null;
    }

    private static void touch(GroupEntity group) {
        group.lastModified = Meta.now();
        group.version++;
    }

    /** Lenient parsing: Entra's documentation shows unquoted values (Q14); quoted ones read the same. */
    private static Filter parse(String filter) {
        return filter == null ? null : FilterParser.parseLenient(filter);
    }
}
