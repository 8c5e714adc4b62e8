package dev.roster.web;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 10, item 8: hostile input is a 400 (or 413/414/431) in the surface's own format, never a 500 or a bare answer. */
@QuarkusTest
class InputBoundsTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Bounds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\\u0000name", "lone\\ud800high", "lone\\udc00low", "end\\ud83d"})
    void i10_8_unstorableCharactersInAScimValueAre400InvalidValue(String escaped) {
        String body = ScimClient.entraUser(escaped + "@contoso.com", "ext-bounds");
        scim.post("/Users", body).statusCode(400).contentType(startsWith("application/scim+json"))
                .body("scimType", equalTo("invalidValue")).body("detail", containsString("cannot be stored"));
    }

    @Test
    void i10_8_aLoneSurrogateNoLongerCollidesWithAnotherName() {
        scim.post("/Users", ScimClient.entraUser("a\\ud800@contoso.com", "e1")).statusCode(400);
        scim.post("/Users", ScimClient.entraUser("a\\ud801@contoso.com", "e2")).statusCode(400);
        scim.post("/Users", ScimClient.entraUser("a\\ud83d\\ude00@contoso.com", "e3")).statusCode(201)
                .body("userName", equalTo("a\uD83D\uDE00@contoso.com"));
    }

    @Test
    void i10_8_nulInPatchValueAndInFilterAre400() {
        String id = scim.createUser("nul-patch@contoso.com");
        scim.patch("/Users/" + id, ScimClient.patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"a\\u0000b\"}"))
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.request().urlEncodingEnabled(false).queryParam("filter", "userName%20eq%20%22a%00b%22")
                .get(scim.base + "/Users").then().statusCode(400).contentType(startsWith("application/scim+json"));
    }

    @Test
    void i10_8_nulInAnAdminBodyIsAProblem400() {
        Api.admin().body("{\"name\":\"bad\\u0000name\"}").post("/admin/v1/tenants").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }

    @Test
    void i10_8_anExpiryBeyondTheYear9999IsAProblem400() {
        Api.admin().body(Map.of("description", "far", "expiresAt", "+999999999-12-31T23:59:59Z"))
                .post("/admin/v1/tenants/" + scim.tenantId + "/tokens").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&&&===&", "%zz", "grant_type=client_credentials&client_id=%zz", "grant_type=%",
            "grant_type=client_credentials&client_secret=a%00b", "=&=&=", "grant_type=client_credentials&grant_type=x"})
    void i10_8_malformedTokenFormsAreInvalidRequest(String form) {
        given().contentType("application/x-www-form-urlencoded").body(form).post("/oauth2/token").then()
                .statusCode(400).contentType(startsWith("application/json")).body("error", equalTo("invalid_request"));
    }

    @Test
    void i10_8_anAdminJwtIssuedInTheFutureIsRefused() throws Exception {
        String jwt = Jwt.issuer(Api.ADMIN_ISSUER).subject("ops@example.com").groups(Set.of("roster-admin"))
                .issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200))
                .jws().sign(KeyUtils.readPrivateKey("keys/admin-private.pem"));
        given().header("Authorization", "Bearer " + jwt).get("/admin/v1/tenants").then().statusCode(401);
        String fine = Api.adminJwt(Api.ADMIN_ISSUER, Instant.now().plusSeconds(600), "roster-admin");
        given().header("Authorization", "Bearer " + fine).get("/admin/v1/tenants").then().statusCode(200);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
    }

    private static void assertErrorBody(HttpResponse<String> response, int status, String contentType) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
                () -> response.headers().map().toString());
        assertTrue(response.body().contains(Integer.toString(status)), response::body);
    }

    @Test
    void i10_8_tooLongUrisAre414WithABodyOnEverySurface() {
        String filler = "a".repeat(9000);
        assertErrorBody(send(to(scim.base + "/Users?filter=" + filler).header("Authorization", "Bearer " + scim.token)),
                414, "application/scim+json");
        assertErrorBody(send(to("/admin/v1/tenants?x=" + filler).header("Authorization", "Bearer " + Api.ADMIN_KEY)),
                414, "application/problem+json");
    }

    @Test
    void i10_8_tooLargeHeadersAre431WithABody() {
        assertErrorBody(send(to(scim.base + "/Users").header("Authorization", "Bearer " + scim.token)
                .header("X-Filler", "b".repeat(20_000))), 431, "application/scim+json");
    }

    @Test
    void i10_8_tooLargeBodiesAre413WithABody() {
        String body = "{\"userName\":\"" + "c".repeat(3 * 1024 * 1024) + "\"}";
        assertErrorBody(send(to(scim.base + "/Users").header("Authorization", "Bearer " + scim.token)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 413, "application/scim+json");
    }
}
