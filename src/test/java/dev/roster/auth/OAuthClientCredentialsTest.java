package dev.roster.auth;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OAuthClientCredentialsTest {

    private static final String SPC = "/ServiceProviderConfig";

    record Client(String tenant, String clientId, String secret) {
    }

    private static Client newClient(String name) {
        String tenant = Api.createTenant(name);
        var created = admin().body(Map.of("description", "Entra gallery")).post("/admin/v1/tenants/" + tenant + "/oauth-clients")
                .then().statusCode(201)
                .body("clientId", notNullValue())
                .body("tokenEndpoint", equalTo(Api.PUBLIC_URL + "/oauth2/token"))
                .body("secrets", hasSize(1))
                .body("secrets[0].secret", matchesPattern("rcs_[A-Za-z0-9_-]{43}"))
                .extract();
        return new Client(tenant, created.path("clientId"), created.path("secrets[0].secret"));
    }

    private static ValidatableResponse tokenViaBasic(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials").formParam("scope", "scim")
                .post("/oauth2/token").then();
    }

    private static ValidatableResponse tokenViaPost(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/oauth2/token").then();
    }

    @Test
    void issuesBearerTokenThroughBasicAndPostAndItOpensScim() {
        Client client = newClient("OAuth happy");
        String viaBasic = tokenViaBasic(client.clientId(), client.secret()).statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .extract().path("access_token");
        String viaPost = tokenViaPost(client.clientId(), client.secret()).statusCode(200).extract().path("access_token");

        Api.scim(viaBasic).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(200).contentType(Api.SCIM_JSON);
        Api.scim(viaPost).get("/scim/v2" + SPC).then().statusCode(200);
        admin().get("/admin/v1/tenants/" + client.tenant() + "/oauth-clients").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].secrets[0]", not(hasKey("secret")))
                .body("items[0].secrets[0].hint", equalTo(client.secret().substring(client.secret().length() - 4)));
    }

    @Test
    void refusesWrongSecretUnknownClientAndWrongGrant() {
        Client client = newClient("OAuth errors");
        tokenViaBasic(client.clientId(), client.secret() + "x").statusCode(401)
                .header("WWW-Authenticate", equalTo("Basic realm=\"roster\""))
                .body("error", equalTo("invalid_client"));
        tokenViaPost(client.clientId(), "rcs_wrong").statusCode(401).body("error", equalTo("invalid_client"));
        tokenViaPost(UUID.randomUUID().toString(), client.secret()).statusCode(401).body("error", equalTo("invalid_client"));
        tokenViaPost("not-a-uuid", client.secret()).statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "password").post("/oauth2/token").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("scope", "x").post("/oauth2/token").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "client_credentials").formParam("client_secret", client.secret())
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/json").body("{\"grant_type\":\"client_credentials\"}")
                .post("/oauth2/token").then().statusCode(415).body("error", equalTo("invalid_request"));
    }

    @Test
    void secondSecretAllowsRotation() {
        Client client = newClient("OAuth rotation");
        var second = admin().body(Map.of()).post("/admin/v1/tenants/" + client.tenant() + "/oauth-clients/"
                        + client.clientId() + "/secrets")
                .then().statusCode(201).body("secret", matchesPattern("rcs_.*")).extract();
        String firstSecretId = admin().get("/admin/v1/tenants/" + client.tenant() + "/oauth-clients/" + client.clientId())
                .then().statusCode(200).body("secrets", hasSize(2)).extract().path("secrets[0].id");

        tokenViaBasic(client.clientId(), client.secret()).statusCode(200);
        tokenViaBasic(client.clientId(), second.path("secret")).statusCode(200);
        admin().delete("/admin/v1/tenants/" + client.tenant() + "/oauth-clients/" + client.clientId() + "/secrets/"
                + firstSecretId).then().statusCode(204);
        tokenViaBasic(client.clientId(), client.secret()).statusCode(401);
        tokenViaBasic(client.clientId(), second.path("secret")).statusCode(200);
    }

    @Test
    void accessTokenIsBoundToItsTenant() {
        Client a = newClient("OAuth A");
        Client b = newClient("OAuth B");
        String tokenA = tokenViaBasic(a.clientId(), a.secret()).statusCode(200).extract().path("access_token");
        Api.scim(tokenA).get(Api.tenantUrl(b.tenant()) + SPC).then().statusCode(401);
        // A token claiming tenant B for client A (signed with the real key) is refused too.
        String forged = Api.accessToken("keys/oauth-signing-private.pem", UUID.fromString(b.tenant()),
                UUID.fromString(a.clientId()), Instant.now().plusSeconds(600));
        Api.scim(forged).get(Api.tenantUrl(b.tenant()) + SPC).then().statusCode(401);
        Api.scim(forged).get("/scim/v2" + SPC).then().statusCode(401);
    }

    @Test
    void expiredForeignKeyedAndDeletedClientTokensAreRefused() {
        Client client = newClient("OAuth expiry");
        UUID tenant = UUID.fromString(client.tenant());
        UUID clientId = UUID.fromString(client.clientId());
        String valid = Api.accessToken("keys/oauth-signing-private.pem", tenant, clientId, Instant.now().plusSeconds(600));
        Api.scim(valid).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(200);
        String expired = Api.accessToken("keys/oauth-signing-private.pem", tenant, clientId,
                Instant.now().minusSeconds(120));
        Api.scim(expired).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(401);
        String stranger = Api.accessToken("keys/stranger-private.pem", tenant, clientId, Instant.now().plusSeconds(600));
        Api.scim(stranger).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(401);
        String adminJwt = Api.adminJwt(Api.ADMIN_ISSUER, Instant.now().plusSeconds(600), "roster-admin");
        Api.scim(adminJwt).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(401);

        admin().delete("/admin/v1/tenants/" + client.tenant() + "/oauth-clients/" + client.clientId())
                .then().statusCode(204);
        Api.scim(valid).get(Api.tenantUrl(client.tenant()) + SPC).then().statusCode(401);
        tokenViaBasic(client.clientId(), client.secret()).statusCode(401);
    }
}
