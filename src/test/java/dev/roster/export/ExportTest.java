package dev.roster.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.roster.support.ScimClient.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 1: the snapshot export and its feed cursor. */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> export(String tenantId) {
        String body = Api.admin().get("/admin/v1/tenants/" + tenantId + "/export").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    private static List<JsonNode> ofKind(List<JsonNode> lines, String kind) {
        return lines.stream().filter(line -> kind.equals(line.get("kind").asText())).toList();
    }

    @Test
    void i15_1_theExportHoldsUsersGroupsMembershipsAndEndsWithACursor() {
        ScimClient scim = ScimClient.newTenant("Export");
        String a = scim.createUser("a-" + UUID.randomUUID() + "@contoso.com");
        String b = scim.createUser("b-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + b, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        String group = scim.createGroup("Exported " + UUID.randomUUID());
        scim.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a
                + "\"},{\"value\":\"" + b + "\"}]}")).statusCode(204);

        List<JsonNode> lines = export(scim.tenantId);
        JsonNode end = lines.get(lines.size() - 1);
        assertEquals("end", end.get("kind").asText(), "the last line is the end");
        assertEquals(2, end.get("users").asInt());
        assertEquals(1, end.get("groups").asInt());
        assertEquals(2, end.get("memberships").asInt());
        assertTrue(end.get("cursor").asLong() > 0);
        List<JsonNode> users = ofKind(lines, "user");
        assertEquals(List.of(a, b), users.stream().map(u -> u.get("id").asText()).toList());
        assertEquals(a, users.get(0).get("resource").get("id").asText());
        assertTrue(users.get(1).has("deactivatedAt"));
        assertEquals(false, users.get(1).get("resource").get("active").asBoolean());
        assertTrue(!ofKind(lines, "group").get(0).get("resource").has("members"), "members are lines of their own");

        // Nothing changed since: the feed after the cursor is empty.
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events?after=" + end.get("cursor").asText()).then()
                .statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void i15_1_anUnknownTenantIsA404Problem() {
        Api.admin().get("/admin/v1/tenants/" + UUID.randomUUID() + "/export").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Issue 15, item 1: exported while writers run, the snapshot plus the feed after its cursor holds every change
     * exactly once: no created user both in the snapshot and in the feed, none in neither, and one user's updates
     * continue from the snapshot's version without a gap or a repeat.
     */
    @Test
    void i15_1_snapshotPlusFeedHasEveryChangeOnceUnderConcurrentWrites() throws Exception {
        ScimClient scim = ScimClient.newTenant("Export race");
        IntStream.range(0, 10).forEach(i -> scim.createUser("pre-" + i + "-" + UUID.randomUUID() + "@contoso.com"));
        String hot = scim.createUser("hot-" + UUID.randomUUID() + "@contoso.com");
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(5);
        CompletableFuture<Void> writers = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                running.countDown();
                scim.createUser("during-" + i + "-" + UUID.randomUUID() + "@contoso.com");
                scim.patch("/Users/" + hot, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"V" + i
                        + "\"}")).statusCode(200);
            }
        });
        assertTrue(running.await(20, java.util.concurrent.TimeUnit.SECONDS), "the writers run");
        List<JsonNode> lines = export(scim.tenantId);
        writers.get();
        String cursor = lines.get(lines.size() - 1).get("cursor").asText();
        Set<String> snapshot = new HashSet<>();
        long hotVersion = -1;
        for (JsonNode user : ofKind(lines, "user")) {
            snapshot.add(user.get("id").asText());
            if (user.get("id").asText().equals(hot)) {
                hotVersion = version(user.get("resource"));
            }
        }
        String finalVersion = scim.get("/Users/" + hot).statusCode(200).extract().path("meta.version");
        long last = Long.parseLong(finalVersion.replaceAll("\\D", ""));

        List<Map<String, Object>> after = feedUntil(scim.tenantId, cursor, hot, last);
        Set<String> created = new HashSet<>();
        List<Long> hotVersions = new ArrayList<>();
        for (Map<String, Object> event : after) {
            Map<?, ?> resource = (Map<?, ?>) event.get("resource");
            String id = (String) resource.get("id");
            if ("user.created".equals(event.get("type"))) {
                created.add(id);
            } else if ("user.updated".equals(event.get("type")) && hot.equals(id)) {
                hotVersions.add(version(JSON.valueToTree(resource)));
            }
        }
        assertTrue(snapshot.size() > 11 && !created.isEmpty(), "exported while the writers ran: " + snapshot.size()
                + " users in the snapshot, " + created.size() + " created after it");
        Set<String> both = new HashSet<>(snapshot);
        both.retainAll(created);
        assertEquals(Set.of(), both, "no user both in the snapshot and created after its cursor");
        Set<String> all = new HashSet<>(snapshot);
        all.addAll(created);
        assertEquals(51, all.size(), "every user in the snapshot or created after its cursor");
        List<Long> expected = new ArrayList<>();
        for (long v = hotVersion + 1; v <= last; v++) {
            expected.add(v);
        }
        assertEquals(expected, hotVersions, "the hot user's updates continue the snapshot's version, once each");
    }

    private static long version(JsonNode resource) {
        return Long.parseLong(resource.get("meta").get("version").asText().replaceAll("\\D", ""));
    }

    /** The tenant's feed after a cursor, once it holds the hot user's final version. */
    private static List<Map<String, Object>> feedUntil(String tenantId, String cursor, String hot, long version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            List<Map<String, Object>> events = new ArrayList<>();
            String next = cursor;
            while (true) {
                JsonPath page = Api.admin().get("/admin/v1/tenants/" + tenantId + "/events?limit=500&after=" + next)
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                events.addAll(items);
                if (items.isEmpty()) {
                    break;
                }
                next = page.getString("nextCursor");
            }
            boolean done = events.stream().anyMatch(event -> {
                Map<?, ?> resource = (Map<?, ?>) event.get("resource");
                return hot.equals(resource.get("id")) && ((Map<?, ?>) resource.get("meta")).get("version").toString()
                        .replaceAll("\\D", "").equals(Long.toString(version));
            });
            if (done || Instant.now().isAfter(deadline)) {
                return events;
            }
        }
    }
}
