package dev.roster.activity;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, item 6: every SCIM request of a tenant is in its activity log, successes and errors, never a secret. */
@QuarkusTest
class ActivityTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Activity");
    }

    /** The log once it holds {@code count} entries (written in batches within moments). */
    private JsonPath activity(String query, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonPath page;
        do {
            page = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/activity?limit=100" + query).then()
                    .statusCode(200).extract().jsonPath();
        } while (page.getList("items").size() < count && Instant.now().isBefore(deadline));
        return page;
    }

    @Test
    void i11_6_successesAndErrorsAreRecordedNewestFirst() {
        String id = scim.createUser("act-" + UUID.randomUUID() + "@contoso.com");
        scim.request().queryParam("filter", "userName eq \"nobody@contoso.com\"").get(scim.base + "/Users").then()
                .statusCode(200);
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}"))
                .statusCode(400);
        scim.get("/Users/" + UUID.randomUUID()).statusCode(404);

        JsonPath log = activity("", 4);
        List<Map<String, Object>> items = log.getList("items");
        assertEquals(4, items.size());
        assertEquals(List.of("GET", "PATCH", "GET", "POST"), log.getList("items.method"));
        assertEquals(List.of(404, 400, 200, 201), log.getList("items.status"));
        Map<String, Object> created = items.get(3);
        assertEquals(id, created.get("resourceId"));
        assertEquals(scim.base + "/Users", created.get("path"));
        assertNotNull(created.get("credentialId"));
        assertNotNull(created.get("requestId"));
        assertEquals("userName eq \"nobody@contoso.com\"", items.get(2).get("filter"));
        assertEquals("invalidFilter", items.get(1).get("scimType"));
        assertNotNull(items.get(0).get("detail"));
        assertEquals(List.of(404, 400), activity("&status=4xx", 2).getList("items.status"));
        assertEquals(List.of("PATCH", "POST"), activity("&resourceId=" + id, 2).getList("items.method"));
    }

    @Test
    void i11_6_noEntryHoldsASecretAndFailedAuthenticationIsRecorded() {
        scim.get("/Users").statusCode(200);
        String wrong = "rst_" + UUID.randomUUID().toString().replace("-", "");
        given().header("Authorization", "Bearer " + wrong).get(scim.base + "/Users?access_token=" + wrong).then()
                .statusCode(401);
        JsonPath log = activity("", 2);
        String all = log.prettify();
        assertFalse(all.contains(scim.token), "the token");
        assertFalse(all.contains(wrong), "a presented credential");
        assertEquals(401, log.getInt("items[0].status"));
        assertNull(log.get("items[0].credentialId"));
        assertTrue(log.getString("items[0].path").endsWith("/Users"));
    }

    @Test
    void i11_6_badQueriesAreProblems() {
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/activity?status=abc").then().statusCode(400);
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/activity?from=yesterday").then().statusCode(400);
        Api.admin().get("/admin/v1/tenants/" + UUID.randomUUID() + "/activity").then().statusCode(404);
    }
}
