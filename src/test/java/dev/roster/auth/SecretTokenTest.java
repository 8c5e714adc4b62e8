package dev.roster.auth;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.roster.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SecretTokenTest {

    private static final String SPC = "/ServiceProviderConfig";

    @Test
    void generatedTokenIsShownOnceAndListedWithoutSecret() {
        String tenant = Api.createTenant("Tokens");
        String token = admin().body(Map.of("description", "Entra production")).post("/admin/v1/tenants/" + tenant + "/tokens")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("id", notNullValue())
                .body("token", matchesPattern("rst_[A-Za-z0-9_-]{43}"))
                .body("description", equalTo("Entra production"))
                .body("createdAt", notNullValue())
                .extract().path("token");
        admin().get("/admin/v1/tenants/" + tenant + "/tokens").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(hasKey("token")))
                .body("items[0].hint", equalTo(token.substring(token.length() - 4)))
                .body("items[0].description", equalTo("Entra production"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void generateUseRevokeThenRefused() {
        String tenant = Api.createTenant("Revocation");
        String token = Api.createToken(tenant);
        Api.scim(token).get(Api.tenantUrl(tenant) + SPC).then().statusCode(200);
        String tokenId = admin().get("/admin/v1/tenants/" + tenant + "/tokens").then().extract().path("items[0].id");

        admin().delete("/admin/v1/tenants/" + tenant + "/tokens/" + tokenId).then().statusCode(204);

        Api.scim(token).get(Api.tenantUrl(tenant) + SPC).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(Api.SCIM_JSON)
                .body("status", equalTo("401"));
        admin().delete("/admin/v1/tenants/" + tenant + "/tokens/" + tokenId).then().statusCode(404);
    }

    @Test
    void expiredTokenIsRefused() throws InterruptedException {
        String tenant = Api.createTenant("Expiry");
        String token = admin().body(Map.of("description", "short", "expiresAt", Instant.now().plusMillis(1500).toString()))
                .post("/admin/v1/tenants/" + tenant + "/tokens").then().statusCode(201).extract().path("token");
        Api.scim(token).get(Api.tenantUrl(tenant) + SPC).then().statusCode(200);
        Thread.sleep(2000);
        Api.scim(token).get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
    }

    @Test
    void twoActiveTokensAllowRotationWithoutDowntime() {
        String tenant = Api.createTenant("Rotation");
        String oldToken = Api.createToken(tenant);
        String newToken = Api.createToken(tenant);
        Api.scim(oldToken).get(Api.tenantUrl(tenant) + SPC).then().statusCode(200);
        Api.scim(newToken).get(Api.tenantUrl(tenant) + SPC).then().statusCode(200);
        String oldId = admin().get("/admin/v1/tenants/" + tenant + "/tokens").then().extract().path("items[0].id");
        admin().delete("/admin/v1/tenants/" + tenant + "/tokens/" + oldId).then().statusCode(204);
        Api.scim(oldToken).get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
        Api.scim(newToken).get(Api.tenantUrl(tenant) + SPC).then().statusCode(200);
    }

    @Test
    void rejectsBadTokenRequests() {
        String tenant = Api.createTenant("Bad token requests");
        admin().body(Map.of("expiresAt", "tomorrow")).post("/admin/v1/tenants/" + tenant + "/tokens")
                .then().statusCode(400).contentType("application/problem+json");
        admin().body(Map.of("expiresAt", "2001-01-01T00:00:00Z")).post("/admin/v1/tenants/" + tenant + "/tokens")
                .then().statusCode(400).body("detail", equalTo("'expiresAt' must lie in the future."));
        admin().body(Map.of("description", "x")).post("/admin/v1/tenants/00000000-0000-7000-8000-000000000000/tokens")
                .then().statusCode(404).contentType("application/problem+json");
        admin().delete("/admin/v1/tenants/" + tenant + "/tokens/nope").then().statusCode(404);
    }

    @Test
    void refusesMalformedAndUnknownCredentials() {
        String tenant = Api.createTenant("Malformed");
        given().get(Api.tenantUrl(tenant) + SPC).then().statusCode(401)
                .contentType(Api.SCIM_JSON).header("WWW-Authenticate", startsWith("Bearer"))
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("detail", notNullValue());
        Api.scim("rst_" + "A".repeat(43)).get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
        Api.scim("not a token").get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
        Api.scim("a.b.c").get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
        Api.scim("rst_" + "x".repeat(10_000)).get(Api.tenantUrl(tenant) + SPC).then().statusCode(401);
    }
}
