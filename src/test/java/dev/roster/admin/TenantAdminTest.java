package dev.roster.admin;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.roster.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TenantAdminTest {

    @Test
    void createsTenantWithScimBaseUrl() {
        admin().body(Map.of("name", "Blinq workspace")).post("/admin/v1/tenants")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", notNullValue())
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Blinq workspace"))
                .body("createdAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                .body("scimBaseUrl", startsWith(Api.PUBLIC_URL + "/scim/v2/"));
    }

    /** Issue 15, item 2: every setting is accepted at creation, and the host's externalId finds the tenant. */
    @Test
    void i15_2_aTenantIsCreatedWithItsSettingsAndFoundByItsExternalId() {
        String externalId = "ws-" + java.util.UUID.randomUUID();
        String id = admin().body(Map.of("name", "Onboarded", "externalId", externalId, "seatLimit", 10,
                        "userDeletion", "soft", "deletedUserRetentionDays", 7, "sendActivation", true))
                .post("/admin/v1/tenants").then().statusCode(201)
                .body("externalId", equalTo(externalId)).body("seatLimit", equalTo(10))
                .body("userDeletion", equalTo("soft")).body("deletedUserRetentionDays", equalTo(7))
                .body("sendActivation", equalTo(true))
                .extract().path("id");
        admin().get("/admin/v1/tenants?externalId=" + externalId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        admin().get("/admin/v1/tenants?externalId=nobody-" + externalId).then().statusCode(200)
                .body("items", hasSize(0));

        admin().body(Map.of("name", "Twin", "externalId", externalId)).post("/admin/v1/tenants").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(id));
        String other = Api.createTenant("Other");
        admin().body(Map.of("externalId", externalId)).patch("/admin/v1/tenants/" + other).then().statusCode(409);
        admin().body("{\"externalId\": null}").patch("/admin/v1/tenants/" + id).then().statusCode(200)
                .body("externalId", nullValue());
        admin().body(Map.of("externalId", externalId)).patch("/admin/v1/tenants/" + other).then().statusCode(200)
                .body("externalId", equalTo(externalId));
        admin().body(Map.of("name", "Bad", "seatLimit", -1)).post("/admin/v1/tenants").then().statusCode(400);
        admin().body(Map.of("name", "Bad", "externalId", "")).post("/admin/v1/tenants").then().statusCode(400);
    }

    @Test
    void walksTheTenantLifecycle() {
        String id = Api.createTenant("Lifecycle");
        admin().get("/admin/v1/tenants/" + id).then().statusCode(200)
                .body("name", equalTo("Lifecycle"))
                .body("scimBaseUrl", equalTo(Api.PUBLIC_URL + "/scim/v2/" + id))
                .body("suspended", equalTo(false));

        admin().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed", "suspended", true, "seatLimit", 25))
                .patch("/admin/v1/tenants/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("suspended", equalTo(true))
                .body("seatLimit", equalTo(25));
        admin().body("{\"seatLimit\": null}").patch("/admin/v1/tenants/" + id)
                .then().statusCode(200).body("seatLimit", nullValue()).body("name", equalTo("Renamed"));

        admin().delete("/admin/v1/tenants/" + id).then().statusCode(204);
        admin().get("/admin/v1/tenants/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        admin().delete("/admin/v1/tenants/" + id).then().statusCode(404);
    }

    @Test
    void deletingTenantRemovesItsCredentials() {
        String id = Api.createTenant("Doomed");
        String token = Api.createToken(id);
        Api.scim(token).get(Api.tenantUrl(id) + "/ServiceProviderConfig").then().statusCode(200);
        admin().delete("/admin/v1/tenants/" + id).then().statusCode(204);
        // The token row is gone with its tenant; this pod's cache may hold it for the TTL, other pods would too.
        admin().get("/admin/v1/tenants/" + id + "/tokens").then().statusCode(404);
    }

    @Test
    void pagesTenantsWithCursor() {
        for (int i = 0; i < 3; i++) {
            Api.createTenant("Paged " + i);
        }
        String cursor = admin().queryParam("limit", 2).get("/admin/v1/tenants")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String firstOfSecondPage = admin().queryParam("limit", 2).queryParam("after", cursor).get("/admin/v1/tenants")
                .then().statusCode(200).extract().path("items[0].id");
        admin().queryParam("limit", 2).get("/admin/v1/tenants")
                .then().body("items.id", everyItem(not(equalTo(firstOfSecondPage))));
    }

    @Test
    void rejectsBadInputWithProblemDetails() {
        admin().body(Map.of()).post("/admin/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://roster.dev/problems/"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("'name' is required."))
                .body("instance", equalTo("/admin/v1/tenants"))
                .body("requestId", notNullValue());
        admin().body("{\"name\": ").post("/admin/v1/tenants").then().statusCode(400)
                .contentType("application/problem+json");
        admin().body(Map.of("name", "x".repeat(201))).post("/admin/v1/tenants").then().statusCode(400);
        admin().body(Map.of("name", "ok", "id", "chosen")).post("/admin/v1/tenants").then().statusCode(400)
                .body("detail", startsWith("Unknown or read-only field 'id'"));
        admin().queryParam("limit", 501).get("/admin/v1/tenants").then().statusCode(400);
        admin().queryParam("after", "not-a-cursor!").get("/admin/v1/tenants").then().statusCode(400);
        String id = Api.createTenant("Patch target");
        admin().body(Map.of("seatLimit", -1)).patch("/admin/v1/tenants/" + id).then().statusCode(400);
        admin().body(Map.of("suspended", "yes")).patch("/admin/v1/tenants/" + id).then().statusCode(400);
        admin().get("/admin/v1/tenants/" + id).then().body("suspended", equalTo(false)).body("seatLimit", nullValue());
        admin().get("/admin/v1/tenants/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesMissingOrWrongAdminCredentials() {
        given().get("/admin/v1/tenants").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("No credential"));
        given().header("Authorization", "Bearer wrong-key").get("/admin/v1/tenants").then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.startsWith("The credential was not accepted"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("wrong-key")));
        given().header("Authorization", "Basic " + Api.ADMIN_KEY).get("/admin/v1/tenants").then().statusCode(401);
    }

    @Test
    void acceptsAdminJwtOnlyWithAdminGroup() {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        given().header("Authorization", "Bearer " + Api.adminJwt(Api.ADMIN_ISSUER, inAnHour, "roster-admin"))
                .get("/admin/v1/tenants").then().statusCode(200);
        given().header("Authorization", "Bearer " + Api.adminJwt(Api.ADMIN_ISSUER, inAnHour, "viewer"))
                .get("/admin/v1/tenants").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Api.adminJwt("https://evil.example", inAnHour, "roster-admin"))
                .get("/admin/v1/tenants").then().statusCode(401);
        given().header("Authorization", "Bearer "
                        + Api.adminJwt(Api.ADMIN_ISSUER, Instant.now().minusSeconds(120), "roster-admin"))
                .get("/admin/v1/tenants").then().statusCode(401);
    }

    @Test
    void scimCredentialIsNoAdminCredential() {
        String tenant = Api.createTenant("Not admin");
        String token = Api.createToken(tenant);
        given().header("Authorization", "Bearer " + token).get("/admin/v1/tenants").then().statusCode(401);
    }

    @Test
    void answersJsonWhateverTheClientAccepts() {
        admin().accept("application/scim+json").body(Map.of("name", "Accepting")).post("/admin/v1/tenants")
                .then().statusCode(201).contentType(ContentType.JSON);
        admin().accept("text/html").get("/admin/v1/tenants").then().statusCode(200).contentType(ContentType.JSON);
    }
}
