package dev.roster.audit;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 6: every admin change is in the audit log, with its actor and before/after, and never a secret. */
@QuarkusTest
class AuditTest {

    private static JsonPath log(String tenantId) {
        return Api.admin().get("/admin/v1/tenants/" + tenantId + "/audit?limit=500").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void i15_6_adminChangesAreAuditedWithBeforeAndAfterAndNoSecret() {
        String tenant = Api.createTenant("Audited");
        Api.admin().body(Map.of("seatLimit", 5)).patch("/admin/v1/tenants/" + tenant).then().statusCode(200);
        String token = Api.createToken(tenant);
        String secret = Api.admin().body(Map.of("url", "https://hooks.example.com/roster"))
                .post("/admin/v1/tenants/" + tenant + "/webhooks").then().statusCode(201).extract().path("secret");
        String webhook = Api.admin().get("/admin/v1/tenants/" + tenant + "/webhooks").then().extract()
                .path("items[0].id");
        Api.admin().delete("/admin/v1/tenants/" + tenant + "/webhooks/" + webhook).then().statusCode(204);
        Api.admin().get("/admin/v1/tenants/" + tenant).then().statusCode(200); // a read is no change
        Api.admin().delete("/admin/v1/tenants/" + tenant).then().statusCode(204);

        JsonPath log = log(tenant);
        assertEquals(List.of("POST /admin/v1/tenants", "PATCH /admin/v1/tenants/{id}",
                        "POST /admin/v1/tenants/{id}/tokens", "POST /admin/v1/tenants/{id}/webhooks",
                        "DELETE /admin/v1/tenants/{id}/webhooks/{id}", "DELETE /admin/v1/tenants/{id}"),
                log.getList("items.action"), "every change, in order, readable after the tenant is gone");
        assertEquals(List.of("admin-key"), log.getList("items.actor").stream().distinct().toList());
        assertTrue(log.getList("items.requestId").stream().allMatch(id -> id != null));
        assertNull(log.get("items[1].before.seatLimit"));
        assertEquals(5, (Integer) log.get("items[1].after.seatLimit"), () -> log.prettify());
        assertEquals(webhook, log.get("items[4].targetId"));
        assertEquals("https://hooks.example.com/roster", log.get("items[4].before.url"));
        assertEquals(tenant, log.get("items[0].targetId"));

        String everything = Api.admin().get("/admin/v1/audit?limit=500&tenantId=" + tenant).then().statusCode(200)
                .extract().asString();
        assertFalse(everything.contains(token), "the secret token never reaches the log");
        assertFalse(everything.contains(secret), "nor the webhook secret");
        assertTrue(everything.contains("(redacted)"));
    }

    @Test
    void i15_6_aJwtAdminIsNamedBySubject() {
        String jwt = Api.adminJwt(Api.ADMIN_ISSUER, Instant.now().plusSeconds(600), "roster-admin");
        String tenant = given().header("Authorization", "Bearer " + jwt).contentType("application/json")
                .body(Map.of("name", "By JWT " + UUID.randomUUID())).post("/admin/v1/tenants").then().statusCode(201)
                .extract().path("id");
        assertEquals("jwt:ops@example.com", log(tenant).get("items[0].actor"));
        assertNotNull(log(tenant).get("items[0].at"));
    }

    @Test
    void i15_6_refusedChangesAreNotEntries() {
        String tenant = Api.createTenant("Refused");
        Api.admin().body(Map.of("seatLimit", -1)).patch("/admin/v1/tenants/" + tenant).then().statusCode(400);
        assertEquals(1, log(tenant).getList("items").size());
    }
}
