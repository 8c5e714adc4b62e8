package dev.roster.events;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, items 1 and 4: every write path records its event in the write's own transaction, a write that fails records
 * none, and the pull feed serves events in commit order (positions are given after commit).
 */
@QuarkusTest
class EventsTest {

    @Inject
    Pool pool;
    @Inject
    FeedSequencer sequencer;

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Events");
    }

    /** The tenant's feed once it holds {@code count} events (the sequencer positions them within moments). */
    private List<Map<String, Object>> feed(String tenantId, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Map<String, Object>> items;
        do {
            items = Api.admin().get("/admin/v1/tenants/" + tenantId + "/events?limit=500").then().statusCode(200)
                    .extract().jsonPath().getList("items");
        } while (items.size() < count && Instant.now().isBefore(deadline));
        return items;
    }

    private static List<String> types(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("type")).toList();
    }

    private static String patchOp(String op, String path, String value) {
        return patch("{\"op\":\"" + op + "\",\"path\":\"" + path + "\",\"value\":" + value + "}");
    }

    @Test
    void i11_1_everyUserWritePathRecordsItsEvent() {
        String id = scim.createUser("events-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + id, patchOp("replace", "displayName", "\"Ada\"")).statusCode(200);
        scim.patch("/Users/" + id, patchOp("replace", "displayName", "\"Ada\"")).statusCode(200); // changes nothing
        scim.patch("/Users/" + id, patchOp("Replace", "active", "\"False\"")).statusCode(200);
        scim.patch("/Users/" + id, patchOp("Replace", "active", "\"True\"")).statusCode(200);
        scim.request().body(ScimClient.entraUser("renamed-" + UUID.randomUUID() + "@contoso.com", "ext-put"))
                .put(scim.base + "/Users/" + id).then().statusCode(200);
        scim.delete("/Users/" + id).statusCode(204);

        List<Map<String, Object>> items = feed(scim.tenantId, 6);
        assertEquals(List.of("user.created", "user.updated", "user.deactivated", "user.reactivated", "user.updated",
                "user.deleted"), types(items));
        JsonPath created = JsonPath.from(toJson(items.get(0)));
        assertEquals(id, created.getString("resource.id"));
        assertEquals(scim.tenantId, created.getString("tenantId"));
        assertTrue(created.getList("changed").contains("userName"));
        assertNotNull(created.getString("actor.credentialId"));
        assertEquals("SECRET_TOKEN", created.getString("actor.kind"));
        assertEquals(List.of("displayName"), JsonPath.from(toJson(items.get(1))).getList("changed"));
        assertEquals(List.of("active"), JsonPath.from(toJson(items.get(2))).getList("changed"));
        assertEquals(false, JsonPath.from(toJson(items.get(2))).getBoolean("resource.active"));
        assertTrue(JsonPath.from(toJson(items.get(4))).getList("changed").contains("userName"));
        long previous = 0;
        for (Map<String, Object> item : items) {
            long cursor = Long.parseLong((String) item.get("cursor"));
            assertTrue(cursor > previous, "cursors grow");
            previous = cursor;
        }
    }

    @Test
    void i11_1_everyGroupWritePathRecordsItsEventWithOnlyTheChangedMembers() {
        String first = scim.createUser("m1-" + UUID.randomUUID() + "@contoso.com");
        String second = scim.createUser("m2-" + UUID.randomUUID() + "@contoso.com");
        String group = scim.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s",
                 "members": [{"value": "%s"}]}""".formatted("g-" + UUID.randomUUID(), first))
                .statusCode(201).extract().path("id");
        scim.patch("/Groups/" + group, patchOp("Add", "members", "[{\"value\":\"" + second + "\"}]")).statusCode(204);
        scim.patch("/Groups/" + group, patchOp("Add", "members", "[{\"value\":\"" + second + "\"}]")).statusCode(204);
        scim.patch("/Groups/" + group, patchOp("Remove", "members", "[{\"value\":\"" + first + "\"}]")).statusCode(204);
        scim.patch("/Groups/" + group, patchOp("Replace", "displayName", "\"Renamed " + UUID.randomUUID() + "\""))
                .statusCode(204);
        scim.delete("/Groups/" + group).statusCode(204);

        List<Map<String, Object>> items = feed(scim.tenantId, 7);
        List<String> groupEvents = types(items).stream().filter(type -> type.startsWith("group.")).toList();
        assertEquals(List.of("group.created", "group.members_added", "group.members_removed", "group.updated",
                "group.deleted"), groupEvents);
        List<Map<String, Object>> ofGroup = items.stream().filter(i -> ((String) i.get("type")).startsWith("group."))
                .toList();
        assertEquals(List.of(first), JsonPath.from(toJson(ofGroup.get(0))).getList("resource.members.value"));
        assertEquals(List.of(second), JsonPath.from(toJson(ofGroup.get(1))).getList("resource.members.value"));
        assertEquals(List.of(first), JsonPath.from(toJson(ofGroup.get(2))).getList("resource.members.value"));
        assertNull(JsonPath.from(toJson(ofGroup.get(3))).get("resource.members"), "never the member list");
        assertEquals(List.of("displayName"), JsonPath.from(toJson(ofGroup.get(3))).getList("changed"));
    }

    @Test
    void i12_1_onePatchRenamingAndChangingMembersRecordsItsEventsInOrderWithOnlyTheMembersThatChanged() {
        String kept = scim.createUser("k-" + UUID.randomUUID() + "@contoso.com");
        String leaving = scim.createUser("l-" + UUID.randomUUID() + "@contoso.com");
        String joining = scim.createUser("j-" + UUID.randomUUID() + "@contoso.com");
        String group = scim.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s",
                 "members": [{"value": "%s"}, {"value": "%s"}]}""".formatted("g-" + UUID.randomUUID(), kept, leaving))
                .statusCode(201).extract().path("id");
        String renamed = "Renamed " + UUID.randomUUID();
        scim.patch("/Groups/" + group, patch("""
                {"op": "Replace", "path": "displayName", "value": "%s"},
                {"op": "Add", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]},
                {"op": "Remove", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}"""
                .formatted(renamed, kept, joining, leaving, UUID.randomUUID()))).statusCode(204);

        List<Map<String, Object>> items = feed(scim.tenantId, 7); // three users, then the group's four
        assertEquals(List.of("group.created", "group.updated", "group.members_added", "group.members_removed"),
                types(items).stream().filter(type -> type.startsWith("group.")).toList());
        List<Map<String, Object>> ofGroup = items.stream().filter(i -> ((String) i.get("type")).startsWith("group."))
                .toList();
        JsonPath updated = JsonPath.from(toJson(ofGroup.get(1)));
        assertEquals(List.of("displayName"), updated.getList("changed"));
        assertEquals(renamed, updated.getString("resource.displayName"));
        assertEquals("W/\"2\"", updated.getString("resource.meta.version"));
        JsonPath added = JsonPath.from(toJson(ofGroup.get(2)));
        assertEquals(List.of(joining), added.getList("resource.members.value"), "the member already in is no change");
        assertEquals(List.of("User"), added.getList("resource.members.type"));
        assertTrue(added.getString("resource.members[0].$ref").endsWith(scim.tenantId + "/Users/" + joining),
                added.getString("resource.members[0].$ref"));
        assertEquals(List.of(leaving), JsonPath.from(toJson(ofGroup.get(3))).getList("resource.members.value"),
                "an id that was no member is no change");
    }

    @Test
    void i11_1_aWriteThatFailsRecordsNoEvent() {
        String userName = "fails-" + UUID.randomUUID() + "@contoso.com";
        String id = scim.createUser(userName);
        scim.post("/Users", ScimClient.entraUser(userName.toUpperCase(), "x")).statusCode(409);
        scim.request().header("If-Match", "W/\"7\"").body(patchOp("replace", "displayName", "\"Stale\""))
                .patch(scim.base + "/Users/" + id).then().statusCode(412);
        scim.patch("/Users/" + id, patchOp("replace", "userName", "\"\"")).statusCode(400);
        String group = scim.createGroup("g-" + UUID.randomUUID());
        scim.patch("/Groups/" + group, patchOp("Add", "members", "[{\"value\":\"" + UUID.randomUUID() + "\"}]"))
                .statusCode(400);
        sequencer.runOnce().await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("user.created", "group.created"), types(feed(scim.tenantId, 2)));
    }

    @Test
    void i11_1_bulkSoftDeleteAndRestoreRecordTheirEvents() {
        Api.admin().body(Map.of("userDeletion", "soft")).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(200);
        String bulk = """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                 "Operations": [{"method": "POST", "path": "/Users", "bulkId": "a", "data": %s}]}"""
                .formatted(ScimClient.entraUser("bulk-" + UUID.randomUUID() + "@contoso.com", "b"));
        String location = scim.post("/Bulk", bulk).statusCode(200).extract().path("Operations[0].location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        scim.delete("/Users/" + id).statusCode(204);
        Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/restore").then().statusCode(204);
        List<Map<String, Object>> items = feed(scim.tenantId, 3);
        assertEquals(List.of("user.created", "user.deleted", "user.restored"), types(items));
        assertNull(items.get(2).get("actor"), "the admin API has no SCIM credential");
    }

    @Inject
    dev.roster.users.DeletedUserPurge purge;

    /**
     * Issue 11, item 1: the scheduled purge is a write path too: a retained user past its tenant's retention is removed
     * with a {@code user.purged} event in the same transaction, and can no longer be restored.
     */
    @Test
    void i11_1_theScheduledPurgeRecordsUserPurged() throws Throwable {
        Api.admin().body(Map.of("userDeletion", "soft", "deletedUserRetentionDays", 7))
                .patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        String expired = scim.createUser("expired-" + UUID.randomUUID() + "@contoso.com");
        String retained = scim.createUser("retained-" + UUID.randomUUID() + "@contoso.com");
        scim.delete("/Users/" + expired).statusCode(204);
        scim.delete("/Users/" + retained).statusCode(204);
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                        "update scim_user set deleted_at = now() - interval '8 days' where tenant_id = $1 and id = $2")
                .execute(Tuple.of(UUID.fromString(scim.tenantId), UUID.fromString(expired))));
        int purged = VertxContextSupport.subscribeAndAwait(() -> purge.purgeNow());
        assertTrue(purged >= 1, "the expired user is purged");
        List<Map<String, Object>> items = feed(scim.tenantId, 5);
        assertEquals(List.of("user.created", "user.created", "user.deleted", "user.deleted", "user.purged"),
                types(items));
        Map<String, Object> event = items.get(4);
        assertEquals(expired, ((Map<?, ?>) event.get("resource")).get("id"));
        assertNull(event.get("actor"), "a scheduled job has no SCIM credential");
        Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + expired + "/restore").then()
                .statusCode(404);
        Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + retained + "/restore").then()
                .statusCode(204);
    }

    /**
     * Issue 11, item 4: transaction A starts and writes an event, transaction B starts later, writes, and commits first.
     * A reader that has read B's event must still see A's when A commits: A's position comes after B's.
     */
    @Test
    void i11_4_anEventCommittedLateIsNeverSkipped() throws Throwable {
        UUID tenant = UUID.fromString(scim.tenantId);
        SqlConnection a = VertxContextSupport.subscribeAndAwait(() -> pool.getConnection());
        SqlConnection b = VertxContextSupport.subscribeAndAwait(() -> pool.getConnection());
        try {
            Transaction txA = VertxContextSupport.subscribeAndAwait(a::begin);
            UUID eventA = insertEvent(a, tenant, "user.created");
            Transaction txB = VertxContextSupport.subscribeAndAwait(b::begin);
            UUID eventB = insertEvent(b, tenant, "user.updated");
            VertxContextSupport.subscribeAndAwait(txB::commit);
            List<Map<String, Object>> seen = feed(scim.tenantId, 1);
            assertEquals(List.of(eventB.toString()), seen.stream().map(item -> item.get("id")).toList());
            String cursor = (String) seen.get(0).get("cursor");

            VertxContextSupport.subscribeAndAwait(txA::commit);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            List<Map<String, Object>> after;
            do {
                after = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events?after=" + cursor).then()
                        .statusCode(200).extract().jsonPath().getList("items");
            } while (after.isEmpty() && Instant.now().isBefore(deadline));
            assertEquals(List.of(eventA.toString()), after.stream().map(item -> item.get("id")).toList());
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> a.close());
            VertxContextSupport.subscribeAndAwait(() -> b.close());
        }
    }

    private static UUID insertEvent(SqlConnection connection, UUID tenant, String type) throws Throwable {
        UUID id = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> connection.preparedQuery("""
                        insert into outbox_event (tenant_id, id, type, resource_type, resource_id, occurred_at, payload)
                        values ($1, $2, $3, 'User', $4, now(), '{"resource": {}, "changed": []}'::jsonb)""")
                .execute(Tuple.of(tenant, id, type, UUID.randomUUID())));
        return id;
    }

    @Test
    void i11_4_theCrossTenantFeedNamesEachEventsTenant() {
        String start = Api.admin().get("/admin/v1/events?limit=500").then().statusCode(200).extract()
                .path("nextCursor");
        ScimClient other = ScimClient.newTenant("Events, other");
        scim.createUser("x-" + UUID.randomUUID() + "@contoso.com");
        other.createUser("y-" + UUID.randomUUID() + "@contoso.com");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> tenants;
        do {
            String cursor = start;
            tenants = new java.util.ArrayList<>();
            while (true) {
                JsonPath page = Api.admin().get("/admin/v1/events?limit=500" + (cursor == null ? "" : "&after=" + cursor))
                        .then().statusCode(200).extract().jsonPath();
                List<String> pageTenants = page.getList("items.tenantId");
                tenants.addAll(pageTenants);
                if (pageTenants.isEmpty()) {
                    break;
                }
                cursor = page.getString("nextCursor");
            }
        } while (!(tenants.contains(scim.tenantId) && tenants.contains(other.tenantId))
                && Instant.now().isBefore(deadline));
        assertTrue(tenants.contains(scim.tenantId) && tenants.contains(other.tenantId), tenants::toString);
    }

    @Inject
    EventRetention retention;

    /** Events older than the retention leave the feed, unless a delivery of theirs is still pending. */
    @Test
    void i11_4_oldEventsArePurgedButNotWhileADeliveryIsPending() throws Throwable {
        UUID tenant = UUID.fromString(scim.tenantId);
        String endpoint = Api.admin().body(Map.of("url", "http://127.0.0.1:9/never")).post("/admin/v1/tenants/"
                + scim.tenantId + "/webhooks").then().statusCode(201).extract().path("id");
        long base = -Math.abs(System.nanoTime() % 1_000_000_000_000L) - 10_000;
        UUID old = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        for (UUID id : List.of(old, pending)) {
            long position = id.equals(old) ? base : base - 1;
            VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                            insert into outbox_event (tenant_id, id, type, resource_type, resource_id, occurred_at,
                                                      payload, position)
                            values ($1, $2, 'user.updated', 'User', $3, now() - interval '40 days', '{}'::jsonb, $4)""")
                    .execute(Tuple.of(tenant, id, UUID.randomUUID(), position)));
        }
        VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                        insert into webhook_delivery (tenant_id, id, endpoint_id, event_id, resource_id, position, state,
                                                      next_attempt_at, created_at)
                        values ($1, gen_random_uuid(), $2, $3, gen_random_uuid(), $4, 'pending',
                                now() + interval '1 day', now())""")
                .execute(Tuple.of(tenant, UUID.fromString(endpoint), pending, base - 1)));
        retention.purgeNow().await().atMost(Duration.ofSeconds(10));
        long left = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                        "select count(*) as n from outbox_event where tenant_id = $1 and id in ($2, $3)")
                .execute(Tuple.of(tenant, old, pending))).iterator().next().getLong("n");
        assertEquals(1, left, "the event with a pending delivery stays, the other goes");
    }

    @Test
    void i11_4_aMalformedCursorIsAProblem400() {
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events?after=abc").then().statusCode(400)
                .body("detail", containsString("after"));
        Api.admin().get("/admin/v1/tenants/" + UUID.randomUUID() + "/events").then().statusCode(404);
    }

    private static String toJson(Map<String, Object> item) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(item);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
