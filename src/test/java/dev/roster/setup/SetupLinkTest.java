package dev.roster.setup;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setup links over HTTP (issue 16, item 2): issuing, opening once, expiry, what a second browser sees. */
@QuarkusTest
class SetupLinkTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("<code id=\"token\">(rst_[^<]+)</code>");

    static String issue(String tenantId, String body) {
        return Api.admin().body(body).post("/admin/v1/tenants/" + tenantId + "/setup-links").then().statusCode(201)
                .header("Cache-Control", "no-store").body("state", equalTo("open"))
                .body("url", startsWith(Api.PUBLIC_URL + "/setup/rsl_")).extract().path("url");
    }

    static String path(String url) {
        return url.substring(Api.PUBLIC_URL.length());
    }

    /** Opens a link as a browser would: the page, then its button. Emits the answer (the page with the credential). */
    static Response open(String path) {
        Response landing = given().get(path);
        landing.then().statusCode(200).body(not(containsString("rst_")));
        Matcher csrf = CSRF.matcher(landing.asString());
        assertTrue(csrf.find(), landing.asString());
        return given().cookie(SetupResource.OPEN_COOKIE, landing.getCookie(SetupResource.OPEN_COOKIE))
                .formParam("csrf", csrf.group(1)).post(path + "/open");
    }

    static String tokenOf(Response page) {
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), page.asString());
        return token.group(1);
    }

    @Test
    void i16_2_aLinkOpensOnceShowsAWorkingTokenOnceAndThenOnlyTheProgress() {
        String tenantId = Api.createTenant("Setup " + UUID.randomUUID());
        String path = path(issue(tenantId, "{}"));
        Response opened = open(path);
        opened.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(Api.PUBLIC_URL + "/scim/v2/" + tenantId))
                .body(containsString("Admin Credentials")).body(containsString("Test Connection"));
        String token = tokenOf(opened);
        Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").then().statusCode(200);
        String session = opened.getCookie(SetupResource.SESSION_COOKIE);

        // The browser that opened it sees the progress, never the token again.
        given().cookie(SetupResource.SESSION_COOKIE, session).get(path).then().statusCode(200)
                .body(containsString("Progress")).body(not(containsString(token)));
        given().cookie(SetupResource.SESSION_COOKIE, session).get(path + "/status").then().statusCode(200)
                .body(containsString("user(s)"));
        // Any other browser is told it was used; opening it again issues nothing.
        given().get(path).then().statusCode(410).body(containsString("already used"));
        Response again = given().cookie(SetupResource.OPEN_COOKIE, "x").formParam("csrf", "x").post(path + "/open");
        again.then().statusCode(410).body(containsString("already used"));
        given().get(path + "/status").then().statusCode(403);
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/setup-links").then().statusCode(200)
                .body("items[0].state", equalTo("opened")).body("items[0].url", nullValue());
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/tokens").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].description", equalTo("Entra provisioning (setup link)"));
        // That token is in the audit log, issued by the link.
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/audit").then().statusCode(200)
                .body("items.find { it.action == 'POST /admin/v1/tenants/{tenantId}/tokens' }.actor",
                        startsWith("setup-link:"));
    }

    @Test
    void i16_2_aLinkWhoseCredentialCannotBeIssuedSaysSoAndStillOpensOnceThereIsRoom() {
        String tenantId = Api.createTenant("Setup full " + UUID.randomUUID());
        String lastToken = null;
        for (int i = 0; i < 50; i++) { // a tenant's most Secret Tokens
            lastToken = Api.admin().body("{\"description\": \"t" + i + "\"}")
                    .post("/admin/v1/tenants/" + tenantId + "/tokens").then().statusCode(201).extract().path("id");
        }
        String path = path(issue(tenantId, "{}"));
        open(path).then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("cannot be opened now")).body(containsString("Nothing was issued"))
                .body(not(containsString("rst_")));
        Api.admin().delete("/admin/v1/tenants/" + tenantId + "/tokens/" + lastToken).then().statusCode(204);
        open(path).then().statusCode(200).body(containsString("rst_"));
    }

    @Test
    void i16_2_anOAuthLinkShowsClientCredentialsThatGetAToken() {
        String tenantId = Api.createTenant("Setup OAuth " + UUID.randomUUID());
        Response opened = open(path(issue(tenantId, "{\"credential\": \"oauth\", \"expiresInHours\": 1}")));
        opened.then().statusCode(200).body(containsString("/oauth2/token"));
        String page = opened.asString();
        Matcher id = Pattern.compile("<code id=\"client-id\">([^<]+)</code>").matcher(page);
        Matcher secret = Pattern.compile("<code id=\"client-secret\">([^<]+)</code>").matcher(page);
        assertTrue(id.find() && secret.find(), page);
        given().formParam("grant_type", "client_credentials").formParam("client_id", id.group(1))
                .formParam("client_secret", secret.group(1)).post("/oauth2/token").then().statusCode(200)
                .body("access_token", not(nullValue()));
    }

    @Test
    void i16_2_anExpiredOrUnknownLinkExplainsItselfAndIssuesNothing() throws Throwable {
        given().get("/setup/rsl_" + "A".repeat(43)).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("not valid"));
        given().get("/setup/not-a-link").then().statusCode(404);
        String tenantId = Api.createTenant("Setup expired " + UUID.randomUUID());
        String path = path(issue(tenantId, "{\"expiresInHours\": 1}"));
        expire(tenantId); // no waiting an hour: the expiry moves into the past
        given().get(path).then().statusCode(410).body(containsString("expired"));
        Response late = given().cookie(SetupResource.OPEN_COOKIE, "x").formParam("csrf", "x").post(path + "/open");
        late.then().statusCode(410);
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/tokens").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void i16_2_badRequestsForLinksAreProblems() {
        String tenantId = Api.createTenant("Setup bad " + UUID.randomUUID());
        for (String body : List.of("{\"credential\": \"password\"}", "{\"expiresInHours\": 0}",
                "{\"expiresInHours\": 169}", "{\"unknown\": 1}")) {
            Api.admin().body(body).post("/admin/v1/tenants/" + tenantId + "/setup-links").then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        Api.admin().body("{}").post("/admin/v1/tenants/" + UUID.randomUUID() + "/setup-links").then()
                .statusCode(404);
    }

    @Test
    void i16_2_theAuditLogKeepsTheLinkRedacted() {
        String tenantId = Api.createTenant("Setup audit " + UUID.randomUUID());
        String url = issue(tenantId, "{}");
        List<Map<String, Object>> audit = Api.admin().get("/admin/v1/tenants/" + tenantId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("items");
        String entries = audit.toString();
        assertTrue(entries.contains("setup-links"), entries);
        assertFalse(entries.contains(url.substring(url.lastIndexOf('/') + 1)), "the link's secret: " + entries);
        assertEquals(1, audit.stream().filter(e -> String.valueOf(e.get("action")).contains("setup-links")).count());
    }

    private void expire(String tenantId) throws Throwable {
        expireAll(tenantId);
    }

    /** Moves the expiry of the tenant's links into the past (no waiting an hour in a test). */
    static void expireAll(String tenantId) throws Throwable {
        io.vertx.mutiny.sqlclient.Pool pool = io.quarkus.arc.Arc.container()
                .instance(io.vertx.mutiny.sqlclient.Pool.class).get();
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> pool
                .preparedQuery("update setup_link set expires_at = now() - interval '1 minute' where tenant_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(tenantId))));
    }
}
