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

    /** PATCH: document operations and member operations, atomically, with the group's row locked (see replace). */
    public Uni<GroupEntity> patch(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops, String ifMatch) {
        return Transactions.write(() -> patchOnce(caller, type, id, ops, ifMatch));
    }

    private Uni<GroupEntity> patchOnce(TenantContext caller, ResourceType type, UUID id, List<PatchOp> ops,
                                       String ifMatch) {
        UUID tenantId = caller.tenantId();
        return requireLocked(tenantId, id).chain(group -> {
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
            Uni<Void> uniqueness = displayName.equalsIgnoreCase(group.displayName) ? Uni.createFrom().voidItem()
                    : requireFreeDisplayName(tenantId, displayName, id);
            return uniqueness
                    .chain(() -> members.apply(tenantId, id, outcome.members()))
                    .call(delta -> {
                        if (outcome.changedAttributes().isEmpty() && !delta.changed()) {
                            return Uni.createFrom().voidItem();
                        }
                        applyDocument(group, document);
                        touch(group);
                        return record(type, false, GroupEvents.of(EventType.GROUP_UPDATED, caller, group,
                                base(tenantId), outcome.changedAttributes(), delta));
                    })
                    .replaceWith(group);
        });
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
        return groups.findLive(tenantId, id)
                .onItem().ifNull().failWith(() -> ScimException.notFound("Group " + id + " not found."));
    }

    /**
     * The group with its row locked until the transaction ends: writers of one group go one at a time, so If-Match admits
     * one winner per version and member changes of two requests never interleave (issue 10, item 2).
     */
    private Uni<GroupEntity> requireLocked(UUID tenantId, UUID id) {
        return groups.lockLive(tenantId, id)
                .onItem().ifNull().failWith(() -> ScimException.notFound("Group " + id + " not found."));
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
