package dev.roster.erasure;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 7: erasing a user leaves no personal data behind in events, the feed, activity or the audit log. */
@QuarkusTest
class ErasureTest {

    private static List<Map<String, Object>> feed(String tenantId, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Map<String, Object>> items;
        do {
            items = Api.admin().get("/admin/v1/tenants/" + tenantId + "/events?limit=500").then().statusCode(200)
                    .extract().jsonPath().getList("items");
        } while (items.size() < atLeast && Instant.now().isBefore(deadline));
        return items;
    }

    @Test
    void i15_7_erasureLeavesNoPersonalDataBehind() {
        ScimClient scim = ScimClient.newTenant("Erasure");
        String marker = "erase-" + UUID.randomUUID();
        String userName = marker + "@contoso.com";
        String id = scim.createUser(userName);
        String group = scim.createGroup("Team " + UUID.randomUUID());
        scim.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id
                + "\"}]}")).statusCode(204);
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada " + marker
                + "\"}")).statusCode(200);
        scim.get("/Users?filter=userName eq \"" + userName + "\"").statusCode(200);
        scim.post("/Users", ScimClient.entraUser(userName, "dup")).statusCode(409);
        feed(scim.tenantId, 4);

        Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/erase").then().statusCode(204);

        scim.get("/Users/" + id).statusCode(404);
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/users/" + id).then().statusCode(404);
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/groups/" + group).then().statusCode(200)
                .body("memberCount", org.hamcrest.Matchers.equalTo(0));
        List<Map<String, Object>> events = feed(scim.tenantId, 5);
        assertEquals("user.erased", events.get(events.size() - 1).get("type"));
        for (Map<String, Object> event : events) {
            Map<?, ?> resource = (Map<?, ?>) event.get("resource");
            assertTrue(resource != null, () -> "every event has a resource: " + events);
            if (id.equals(resource.get("id"))) {
                assertEquals(Map.of("id", id, "erased", true), resource, "an event about the user keeps only its id");
            }
        }
        String feedText = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events?limit=500").then()
                .extract().asString();
        assertFalse(feedText.contains(marker), "the feed holds no trace of the userName or displayName");
        String activity = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/activity?limit=500").then()
                .statusCode(200).extract().asString();
        assertTrue(activity.contains("(erased)"), "the entries naming the user were found");
        assertFalse(activity.contains(marker), "no activity entry names the user: " + activity);
        String audit = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/audit?limit=500").then()
                .statusCode(200).extract().asString();
        assertTrue(audit.contains("/users/{id}/erase"), "the erasure is audited");
        assertFalse(audit.contains(marker));

        Api.admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/erase").then().statusCode(404);
    }
}
