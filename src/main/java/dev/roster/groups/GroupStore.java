package dev.roster.groups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.events.OutboxEventEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import dev.roster.store.PreparedStatementStore;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The hot path's statements on groups (issue 12), through the reactive PostgreSQL client as prepared statements, as
 * users/UserStore does for users. Entra's group traffic is member PATCHes (add these users, remove those), so a PATCH
 * is one read and one conditional write: {@link #patch} locks the group's row if it is still at the version read, checks
 * that every member to add exists in the tenant (share-locking them against a concurrent delete), removes and inserts
 * only the members named, bumps the group's version when something changed, and records the events, all in one
 * statement that commits on its own. Every statement names the tenant.
 */
@ApplicationScoped
public class GroupStore extends PreparedStatementStore {

    private static final String COLUMNS = """
            id, display_name, external_id, doc::text as doc, created, last_modified, version""";

    private static final String FIND = "select " + COLUMNS
            + " from scim_group where tenant_id = $1 and id = $2 and deleted_at is null";

    private static final String FIND_LOCKED = FIND + " for no key update";

    /*
     * $1 tenant, $2 group, $3 version read, $4-$7 the new display_name, external_id, doc, last_modified, $8 whether the
     * document changed; $9 ids to add with $10/$11 their event entries as a user/as a group (request order), $12 ids to
     * remove with $13 their event entries; $14 actor credential, $15 actor kind, $16 occurred at; the group's own event
     * ($17 id, $18 type, $19 payload, $20 wanted), members added ($21-$24) and removed ($25-$28), each payload a template
     * whose resource.members the statement fills with the members that really changed.
     *
     * The members to add are share-locked (not key-share-locked): a user's delete locks its row "for no key update"
     * (Hibernate's pessimistic write on PostgreSQL), which only a share lock conflicts with, so the delete waits for this
     * statement and then removes the membership it added, or goes first and the user is not found here (issue 10).
     *
     * The members' CTEs touch disjoint ids (a PATCH folds an add and a remove of one id into one of them), so no row is
     * changed twice in the statement. The events are one insert ordered by kind, so their insert_order (the feed's
     * order) is the group's change, then members added, then members removed, as GroupEvents.of lists them.
     */
    private static final String PATCH = """
            with grp as (
                select id from scim_group
                where tenant_id = $1 and id = $2 and version = $3 and deleted_at is null
                for no key update),
            known_users as (
                select id from scim_user
                where tenant_id = $1 and id = any($9::uuid[]) and deleted_at is null
                for share),
            known_groups as (
                select id from scim_group
                where tenant_id = $1 and id = any($9::uuid[]) and deleted_at is null
                  and (select count(*) from known_users) < cardinality($9::uuid[])
                for share),
            ok as (
                select id from grp
                where (select count(*) from known_users) + (select count(*) from known_groups)
                      = cardinality($9::uuid[])),
            removed as (
                delete from scim_group_member m
                where m.tenant_id = $1 and m.group_id = $2 and m.member_id = any($12::uuid[])
                  and exists (select 1 from ok)
                returning m.member_id),
            added as (
                insert into scim_group_member (tenant_id, group_id, member_id, member_type, added_at)
                select $1, $2, k.id, k.member_type, now()
                from (select id, 'User' as member_type from known_users
                      union all select id, 'Group' from known_groups) k
                where exists (select 1 from ok)
                on conflict do nothing
                returning member_id),
            touched as (
                update scim_group set display_name = $4, external_id = $5, doc = $6::text::jsonb,
                                      last_modified = $7, version = $3 + 1
                where tenant_id = $1 and id = $2 and exists (select 1 from ok)
                  and ($8 or exists (select 1 from added) or exists (select 1 from removed))
                returning id),
            adding as (
                select a.id, a.user_entry, a.group_entry, a.ord
                from unnest($9::uuid[], $10::text[], $11::text[]) with ordinality as a(id, user_entry, group_entry, ord)),
            removing as (
                select r.id, r.entry, r.ord from unnest($12::uuid[], $13::text[]) with ordinality as r(id, entry, ord)),
            events as (
                insert into outbox_event (%s)
                select $1, e.id, e.type, 'Group', $2, $16, $14, $15, e.payload
                from (select 1 as kind, $17::uuid as id, $18::text as type, $19::text::jsonb as payload
                      where $20 and exists (select 1 from touched)
                      union all
                      select 2, $21::uuid, $22::text, jsonb_set($23::text::jsonb, '{resource,members}',
                               (select jsonb_agg((case when a.id in (select id from known_groups) then a.group_entry
                                                       else a.user_entry end)::jsonb order by a.ord)
                                from adding a where a.id in (select member_id from added)))
                      where $24 and exists (select 1 from added)
                      union all
                      select 3, $25::uuid, $26::text, jsonb_set($27::text::jsonb, '{resource,members}',
                               (select jsonb_agg(r.entry::jsonb order by r.ord)
                                from removing r where r.id in (select member_id from removed)))
                      where $28 and exists (select 1 from removed)) e
                order by e.kind)
            select (select count(*) from grp) as current, (select count(*) from touched) as written,
                   (select array_agg(id) from known_users) as users, (select array_agg(id) from known_groups) as groups,
                   (select array_agg(member_id) from added) as added,
                   (select array_agg(member_id) from removed) as removed""".formatted(
            "tenant_id, id, type, resource_type, resource_id, occurred_at, actor_credential_id, actor_kind, payload");

    /**
     * A member PATCH as the statement takes it. {@code group} holds the new state (document, lastModified); the events
     * are the ones the write would record if every member named changed (null: none of that kind, or events off).
     */
    public record MemberPatch(GroupEntity group, long readVersion, boolean documentChanged,
                              List<UUID> add, List<String> addAsUser, List<String> addAsGroup,
                              List<UUID> remove, List<String> removeEntries,
                              OutboxEventEntity ownEvent, OutboxEventEntity addedEvent,
                              OutboxEventEntity removedEvent) {
    }

    /**
     * What the statement found and did. {@code current} false: the group is gone or at another version (nothing was
     * done); {@code written}: the group's row was updated (something changed); users and groups: the ids to add that
     * exist (when some do not, nothing was done); added and removed: the members that really changed.
     */
    public record PatchResult(boolean current, boolean written, Set<UUID> users, Set<UUID> groups,
                              Set<UUID> added, Set<UUID> removed) {
    }

    @Inject
    ObjectMapper mapper;

    /** The live group, or null. */
    public Uni<GroupEntity> find(SqlClient client, UUID tenantId, UUID id) {
        return find(client, FIND, tenantId, id);
    }

    /** The live group with its row locked until the transaction ends (a write that lost a race goes this way). */
    public Uni<GroupEntity> lock(SqlClient connection, UUID tenantId, UUID id) {
        return find(connection, FIND_LOCKED, tenantId, id);
    }

    private Uni<GroupEntity> find(SqlClient client, String sql, UUID tenantId, UUID id) {
        return client.preparedQuery(sql).execute(Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? null : group(rows.iterator().next(), tenantId));
    }

    /**
     * Removes every member of the group, ahead of a PATCH that replaces them all, in that PATCH's transaction (after the
     * group's row was locked): the statement that follows then adds the new members to an empty group.
     */
    public Uni<Void> clearMembers(SqlClient connection, UUID tenantId, UUID groupId) {
        return connection.preparedQuery("delete from scim_group_member where tenant_id = $1 and group_id = $2")
                .execute(Tuple.of(tenantId, groupId)).replaceWithVoid();
    }

    /** Runs a member PATCH as one statement; see {@link PatchResult} for what it tells. */
    public Uni<PatchResult> patch(SqlClient client, MemberPatch patch) {
        GroupEntity group = patch.group();
        List<Object> p = new ArrayList<>(Arrays.asList(group.tenantId, group.id, patch.readVersion(),
                group.displayName, group.externalId, group.doc.toString(), time(group.lastModified),
                patch.documentChanged(),
                patch.add().toArray(UUID[]::new), patch.addAsUser().toArray(String[]::new),
                patch.addAsGroup().toArray(String[]::new),
                patch.remove().toArray(UUID[]::new), patch.removeEntries().toArray(String[]::new)));
        OutboxEventEntity any = firstNonNull(patch.ownEvent(), patch.addedEvent(), patch.removedEvent());
        p.addAll(Arrays.asList(any == null ? null : any.actorCredentialId, any == null ? null : any.actorKind,
                time(any == null ? Instant.EPOCH : any.occurredAt)));
        addEvent(p, patch.ownEvent());
        addEvent(p, patch.addedEvent());
        addEvent(p, patch.removedEvent());
        return client.preparedQuery(PATCH).execute(Tuple.wrap(p)).map(rows -> {
            Row row = rows.iterator().next();
            return new PatchResult(row.getLong("current") == 1, row.getLong("written") == 1, ids(row, "users"),
                    ids(row, "groups"), ids(row, "added"), ids(row, "removed"));
        });
    }

    private static void addEvent(List<Object> parameters, OutboxEventEntity event) {
        parameters.addAll(event == null ? Arrays.asList(UUID.randomUUID(), "", "{}", false)
                : Arrays.asList(event.id, event.type, event.payload.toString(), true));
    }

    private static OutboxEventEntity firstNonNull(OutboxEventEntity... events) {
        for (OutboxEventEntity event : events) {
            if (event != null) {
                return event;
            }
        }
        return null;
    }

    private static Set<UUID> ids(Row row, String column) {
        UUID[] ids = row.getArrayOfUUIDs(column);
        return ids == null ? Set.of() : Set.of(ids);
    }

    private GroupEntity group(Row row, UUID tenantId) {
        GroupEntity group = new GroupEntity();
        group.tenantId = tenantId;
        group.id = row.getUUID("id");
        group.displayName = row.getString("display_name");
        group.externalId = row.getString("external_id");
        try {
            group.doc = (ObjectNode) mapper.readTree(row.getString("doc"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored group document is not JSON", e);
        }
        group.created = row.getOffsetDateTime("created").toInstant();
        group.lastModified = row.getOffsetDateTime("last_modified").toInstant();
        group.version = row.getLong("version");
        return group;
    }

}
