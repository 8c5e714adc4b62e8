package dev.roster.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.directory.GroupCatalog;
import dev.roster.directory.Listing;
import dev.roster.directory.UserCatalog;
import dev.roster.failure.Failure;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant's snapshot as NDJSON lines (issue 15, item 1): every live user ({@code "kind": "user"}), every group without
 * members ({@code "group"}), every direct membership ({@code "membership"}), all from one point in time, then a last
 * line {@code {"kind": "end", "cursor": "<feed cursor>", "users": n, "groups": n, "memberships": n}}. Loading the lines
 * and then following the tenant's feed with {@code after=<cursor>} gives every change exactly once. A response without
 * its end line was cut short: start again. Rows stream as the client reads them, so memory stays constant.
 */
@ApplicationScoped
public class SnapshotExport {

    @Inject
    SnapshotRepository snapshots;
    @Inject
    UserCatalog users;
    @Inject
    GroupCatalog groups;
    @Inject
    ObjectMapper mapper;

    public Multi<ObjectNode> export(UUID tenantId) {
        AtomicLong userCount = new AtomicLong();
        AtomicLong groupCount = new AtomicLong();
        AtomicLong membershipCount = new AtomicLong();
        return snapshots.tenantExists(tenantId)
                .invoke(exists -> {
                    if (!exists) {
                        throw Failure.notFound("No tenant " + tenantId + ".");
                    }
                })
                .chain(() -> snapshots.open())
                .toMulti()
                .flatMap(snapshot -> Multi.createBy().concatenating().streams(
                                snapshots.users(snapshot, tenantId).map(row -> counted(userCount, user(tenantId, row))),
                                snapshots.groups(snapshot, tenantId)
                                        .map(row -> counted(groupCount, group(tenantId, row))),
                                snapshots.memberships(snapshot, tenantId)
                                        .map(row -> counted(membershipCount, membership(row))),
                                Multi.createFrom().item(() -> end(snapshot.cursor(), userCount.get(), groupCount.get(),
                                        membershipCount.get())))
                        .onTermination().call(() -> snapshots.close(snapshot)));
    }

    private static ObjectNode counted(AtomicLong counter, ObjectNode line) {
        counter.incrementAndGet();
        return line;
    }

    private ObjectNode user(UUID tenantId, Row row) {
        Listing.Stored stored = stored(tenantId, row, row.getBoolean("active"));
        ObjectNode line = line("user", stored);
        OffsetDateTime deactivated = row.getOffsetDateTime("deactivated_at");
        if (deactivated != null) {
            line.put("deactivatedAt", deactivated.toInstant().toString());
        }
        line.set("resource", users.render(stored));
        return line;
    }

    private ObjectNode group(UUID tenantId, Row row) {
        Listing.Stored stored = stored(tenantId, row, true);
        ObjectNode line = line("group", stored);
        line.set("resource", groups.render(stored));
        return line;
    }

    private static ObjectNode membership(Row row) {
        return JsonNodeFactory.instance.objectNode().put("kind", "membership")
                .put("groupId", row.getUUID("group_id").toString())
                .put("memberId", row.getUUID("member_id").toString())
                .put("memberType", row.getString("member_type"));
    }

    private static ObjectNode end(long cursor, long users, long groups, long memberships) {
        return JsonNodeFactory.instance.objectNode().put("kind", "end").put("cursor", Long.toString(cursor))
                .put("users", users).put("groups", groups).put("memberships", memberships);
    }

    private static ObjectNode line(String kind, Listing.Stored stored) {
        return JsonNodeFactory.instance.objectNode().put("kind", kind).put("id", stored.id().toString())
                .put("createdAt", stored.created().toString()).put("updatedAt", stored.lastModified().toString());
    }

    private Listing.Stored stored(UUID tenantId, Row row, boolean active) {
        try {
            return new Listing.Stored(tenantId, row.getUUID("id"), (ObjectNode) mapper.readTree(row.getString("doc")),
                    active, instant(row, "created"), instant(row, "last_modified"), row.getLong("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }
}
