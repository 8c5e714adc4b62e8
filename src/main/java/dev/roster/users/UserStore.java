package dev.roster.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.GroupDirectory.GroupOfMember;
import dev.roster.events.OutboxEventEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import dev.roster.store.PreparedStatementStore;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The hot path's statements on users (issue 12), sent through the reactive PostgreSQL client as prepared statements, so
 * no query is translated per execution and each SCIM request costs as few round trips as it can:
 * <ul>
 *   <li>a read is one statement, the user's groups aggregated into it when the answer shows them;</li>
 *   <li>a create is one statement: the row, its side-table rows and its outbox event, in data-modifying CTEs, so it
 *   commits on its own (no BEGIN/COMMIT); a taken userName is refused by the unique index (23505), never pre-counted;</li>
 *   <li>an update is one conditional statement: it writes only if the version is still the one read, touches the side
 *   table only when the extracted rows changed, and records the event in the same statement. Zero rows means another
 *   writer won: the caller reads again and reapplies (docs/architecture.md, "The hot path").</li>
 * </ul>
 * Every statement names the tenant. Each takes the {@link SqlClient} to run on: the pool (the statement is its own
 * transaction), or a connection inside a transaction when the write needs a lock first (the seat limit).
 */
@ApplicationScoped
public class UserStore extends PreparedStatementStore {

    /** A user with its groups (null when not asked for). */
    public record Found(UserEntity user, List<GroupOfMember> groups) {
    }

    /** Which indexed column a lookup uses; the values are compared as the filter compiler would. */
    public enum Lookup {
        /** Case-insensitive, served by the unique index on lower(user_name). */
        USER_NAME("lower(u.user_name) = lower($2)"),
        /** Case-exact (RFC 7643 §3.1). */
        EXTERNAL_ID("u.external_id = $2");

        final String condition;

        Lookup(String condition) {
            this.condition = condition;
        }
    }

    private static final String COLUMNS = """
            u.id, u.user_name, u.external_id, u.display_name, u.active, u.doc::text as doc, u.created,
            u.last_modified, u.version, u.deactivated_at""";

    /** A user's live groups as [[id, displayName], ...] in displayName order, or null when $3 is false. */
    private static final String GROUPS = """
            case when $3 then (select json_agg(json_build_array(g.id, g.display_name) order by g.display_name)::text
                               from scim_group_member m join scim_group g on g.tenant_id = m.tenant_id and g.id = m.group_id
                               where m.tenant_id = u.tenant_id and m.member_id = u.id and g.deleted_at is null)
            end as groups""";

    private static final String FIND = "select " + COLUMNS + ", " + GROUPS
            + " from scim_user u where u.tenant_id = $1 and u.id = $2 and u.deleted_at is null";

    private static final String FIND_LOCKED = FIND + " for no key update of u";

    private static final String OUTBOX_COLUMNS = """
            tenant_id, id, type, resource_type, resource_id, occurred_at, actor_credential_id, actor_kind, payload""";

    private static final String INSERT = """
            with inserted as (
                insert into scim_user (tenant_id, id, user_name, external_id, display_name, active, doc, created,
                                       last_modified, version, deactivated_at)
                values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $8, 1, $9)
                returning id),
            vals as (
                insert into scim_user_value (tenant_id, user_id, attribute, ordinal, type, value, value_lower, is_primary)
                select $1, $2, v.* from unnest($10::text[], $11::int[], $12::text[], $13::text[], $14::text[],
                                               $15::bool[]) as v
                where exists (select 1 from inserted)),
            event as (
                insert into outbox_event (%s)
                select $1, $16, $17, 'User', $2, $18, $19, $20, $21::text::jsonb
                where $22 and exists (select 1 from inserted))
            select count(*) from inserted""".formatted(OUTBOX_COLUMNS);

    private static final String UPDATE = """
            with updated as (
                update scim_user set user_name = $3, external_id = $4, display_name = $5, active = $6,
                                     doc = $7::text::jsonb, last_modified = $8, version = $9 + 1, deactivated_at = $10
                where tenant_id = $1 and id = $2 and version = $9 and deleted_at is null
                returning id),
            stale as (
                delete from scim_user_value v
                where $11 and v.tenant_id = $1 and v.user_id = $2 and exists (select 1 from updated)
                  and (v.attribute, v.ordinal) not in (select * from unnest($12::text[], $13::int[]))),
            vals as (
                insert into scim_user_value (tenant_id, user_id, attribute, ordinal, type, value, value_lower, is_primary)
                select $1, $2, v.* from unnest($12::text[], $13::int[], $14::text[], $15::text[], $16::text[],
                                               $17::bool[]) as v
                where $11 and exists (select 1 from updated)
                on conflict (tenant_id, user_id, attribute, ordinal) do update
                    set type = excluded.type, value = excluded.value, value_lower = excluded.value_lower,
                        is_primary = excluded.is_primary),
            event as (
                insert into outbox_event (%s)
                select $1, $18, $19, 'User', $2, $20, $21, $22, $23::text::jsonb
                where $24 and exists (select 1 from updated))
            select count(*) from updated""".formatted(OUTBOX_COLUMNS);

    @Inject
    ObjectMapper mapper;

    /** The live user, with its groups when asked for; null when there is none. */
    public Uni<Found> find(SqlClient client, UUID tenantId, UUID id, boolean withGroups) {
        return find(client, FIND, tenantId, id, withGroups);
    }

    /**
     * The live user with its groups, its row locked until the transaction ends: the way a write goes when its first,
     * unlocked attempt lost a race (writers then go one at a time and cannot lose again). Only inside a transaction.
     */
    public Uni<Found> lock(SqlClient connection, UUID tenantId, UUID id) {
        return find(connection, FIND_LOCKED, tenantId, id, true);
    }

    private Uni<Found> find(SqlClient client, String sql, UUID tenantId, UUID id, boolean withGroups) {
        return client.preparedQuery(sql).execute(Tuple.of(tenantId, id, withGroups))
                .map(rows -> rows.size() == 0 ? null : found(rows.iterator().next(), tenantId, withGroups));
    }

    /** Live users whose column equals {@code value}, at most {@code limit}, in id order. */
    public Uni<List<Found>> lookup(SqlClient client, UUID tenantId, Lookup lookup, String value, boolean withGroups,
                                   int limit) {
        String sql = "select " + COLUMNS + ", " + GROUPS + " from scim_user u where u.tenant_id = $1 and "
                + lookup.condition + " and u.deleted_at is null order by u.id limit $4";
        return client.preparedQuery(sql).execute(Tuple.of(tenantId, value, withGroups, limit)).map(rows -> {
            List<Found> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(found(row, tenantId, withGroups)));
            return found;
        });
    }

    /**
     * The tenant's seat limit, its row locked until the transaction ends (null: no limit), so two writers racing for
     * the last seat go one at a time (issue 15, item 3). Only on a connection inside a transaction.
     */
    public Uni<Integer> lockSeatLimit(SqlClient connection, UUID tenantId) {
        return connection.preparedQuery("select seat_limit from tenant where id = $1 for update")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0));
    }

    /** The tenant's active live users but one (the user being written): the seats in use (scim_user_seats_ix). */
    public Uni<Long> seatsInUse(SqlClient client, UUID tenantId, UUID exceptId) {
        return client.preparedQuery("""
                        select count(*) from scim_user
                        where tenant_id = $1 and deleted_at is null and active and id <> $2""")
                .execute(Tuple.of(tenantId, exceptId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Inserts a new user, its side-table rows and its event (null: events are off) as one statement. */
    public Uni<Void> insert(SqlClient client, UserEntity user, OutboxEventEntity event) {
        List<Object> parameters = documentColumns(user);
        parameters.addAll(Arrays.asList(time(user.created), time(user.deactivatedAt)));
        ValueArrays.of(UserValues.extract(user.doc)).addTo(parameters);
        addEvent(parameters, event);
        return client.preparedQuery(INSERT).execute(Tuple.wrap(parameters)).replaceWithVoid();
    }

    /**
     * Writes {@code user} (its fields hold the new state and the new version) if the stored version is still
     * {@code readVersion}; the side table is rewritten with {@code changedRows} only when they are given (null: the
     * rows did not change). Emits whether it was written.
     */
    public Uni<Boolean> update(SqlClient client, UserEntity user, long readVersion, List<UserValues.Row> changedRows,
                               OutboxEventEntity event) {
        List<Object> parameters = documentColumns(user);
        parameters.addAll(Arrays.asList(time(user.lastModified), readVersion, time(user.deactivatedAt),
                changedRows != null));
        ValueArrays.of(changedRows == null ? List.of() : changedRows).addTo(parameters);
        addEvent(parameters, event);
        return client.preparedQuery(UPDATE).execute(Tuple.wrap(parameters))
                .map(rows -> rows.iterator().next().getLong(0) == 1);
    }

    /** $1-$7 of both writes: the keys, the indexed columns and the document. */
    private static List<Object> documentColumns(UserEntity user) {
        return new ArrayList<>(Arrays.asList(user.tenantId, user.id, user.userName, user.externalId, user.displayName,
                user.active, user.doc.toString()));
    }

    private static void addEvent(List<Object> parameters, OutboxEventEntity event) {
        if (event == null) {
            parameters.addAll(Arrays.asList(UUID.randomUUID(), "", time(Instant.EPOCH), null, null, "{}", false));
            return;
        }
        parameters.addAll(Arrays.asList(event.id, event.type, time(event.occurredAt), event.actorCredentialId,
                event.actorKind, event.payload.toString(), true));
    }

    private Found found(Row row, UUID tenantId, boolean withGroups) {
        UserEntity user = new UserEntity();
        user.tenantId = tenantId;
        user.id = row.getUUID("id");
        user.userName = row.getString("user_name");
        user.externalId = row.getString("external_id");
        user.displayName = row.getString("display_name");
        user.active = row.getBoolean("active");
        user.doc = (ObjectNode) parse(row.getString("doc"));
        user.created = row.getOffsetDateTime("created").toInstant();
        user.lastModified = row.getOffsetDateTime("last_modified").toInstant();
        user.version = row.getLong("version");
        OffsetDateTime deactivated = row.getOffsetDateTime("deactivated_at");
        user.deactivatedAt = deactivated == null ? null : deactivated.toInstant();
        // The groups column is null both when not asked for and when the user is in no group.
        String groups = row.getString("groups");
        return new Found(user, !withGroups ? null : groups == null ? List.of() : groups(user.id, groups));
    }

    private List<GroupOfMember> groups(UUID userId, String json) {
        List<GroupOfMember> groups = new ArrayList<>();
        for (JsonNode pair : parse(json)) {
            groups.add(new GroupOfMember(userId, UUID.fromString(pair.get(0).asText()), pair.get(1).asText()));
        }
        return groups;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not JSON", e);
        }
    }

    /** The side-table rows as the six arrays the statements unnest. */
    private record ValueArrays(String[] attributes, Integer[] ordinals, String[] types, String[] values,
                               String[] lowered, Boolean[] primaries) {

        static ValueArrays of(List<UserValues.Row> rows) {
            int n = rows.size();
            ValueArrays arrays = new ValueArrays(new String[n], new Integer[n], new String[n], new String[n],
                    new String[n], new Boolean[n]);
            for (int i = 0; i < n; i++) {
                UserValues.Row row = rows.get(i);
                arrays.attributes[i] = row.attribute();
                arrays.ordinals[i] = row.ordinal();
                arrays.types[i] = row.type();
                arrays.values[i] = row.value();
                arrays.lowered[i] = row.valueLower();
                arrays.primaries[i] = row.primary();
            }
            return arrays;
        }

        void addTo(List<Object> parameters) {
            parameters.addAll(Arrays.asList(attributes, ordinals, types, values, lowered, primaries));
        }
    }
}
