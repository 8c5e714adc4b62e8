package dev.roster.console;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console over HTTP (issue 16, items 1 and 3): sign-in, the session cookie's flags, CSRF refusals, the security
 * headers, and the audit of its changes. The same flows in a real browser: {@link ConsoleBrowserTest}.
 */
@QuarkusTest
class ConsoleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A signed-in session's cookie and the CSRF token its pages carry. */
    private record Session(String cookie, String csrf) {
    }

    private static Session signIn() {
        Response page = given().redirects().follow(false).get("/console/sign-in");
        String loginCsrf = csrfOf(page.asString());
        Response signedIn = given().redirects().follow(false)
                .cookie(ConsoleResponses.LOGIN_COOKIE, page.getCookie(ConsoleResponses.LOGIN_COOKIE))
                .formParam("csrf", loginCsrf).formParam("credential", Api.ADMIN_KEY)
                .post("/console/sign-in");
        assertEquals(303, signedIn.statusCode(), signedIn.asString());
        String cookie = signedIn.getCookie(ConsoleSessions.COOKIE);
        String csrf = csrfOf(given().cookie(ConsoleSessions.COOKIE, cookie).get("/console/tenants").asString());
        return new Session(cookie, csrf);
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), "a form with a CSRF token: " + html);
        return matcher.group(1);
    }

    @Test
    void i16_1_aSignedOutBrowserIsSentToTheSignInPage() {
        for (String path : List.of("/console", "/console/tenants", "/console/tenants/" + UUID.randomUUID())) {
            given().redirects().follow(false).get(path).then().statusCode(303)
                    .header("Location", containsString("/console/sign-in"));
        }
        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, "forged.cookie.1.2.sig")
                .get("/console/tenants").then().statusCode(303).header("Location", containsString("ended=true"));
    }

    @jakarta.inject.Inject
    ConsoleSessions sessions;

    @Test
    void i16_1_aSessionIdleForLongerThanTheTimeoutEndsAndTheSignInPageSaysSo() {
        java.time.Instant now = java.time.Instant.now();
        String idle = sessions.encode(new ConsoleSession("admin-key", "csrf", now.minusSeconds(3600),
                now.minusSeconds(31 * 60)));
        String active = sessions.encode(new ConsoleSession("admin-key", "csrf", now.minusSeconds(3600),
                now.minusSeconds(29 * 60)));
        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, active).get("/console/tenants").then()
                .statusCode(200);
        Response ended = given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, idle)
                .get("/console/tenants");
        ended.then().statusCode(303).header("Location", containsString("/console/sign-in?ended=true"));
        assertTrue(ended.getHeaders().getValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith(
                ConsoleSessions.COOKIE + "=;") && cookie.contains("Max-Age=0")), ended.getHeaders().toString());
        given().get("/console/sign-in?ended=true").then().statusCode(200)
                .body(containsString("Your session has ended: it was unused for 30 minutes"));
    }

    @Test
    void i16_1_theTenantListShowsWhenEachTenantLastHeardFromEntra() {
        Session session = signIn();
        dev.roster.support.ScimClient entra = dev.roster.support.ScimClient.newTenant("Heard " + UUID.randomUUID());
        String quiet = Api.createTenant("Quiet " + UUID.randomUUID());
        entra.request().queryParam("filter", "userName eq \"x@contoso.com\"").get(entra.base + "/Users").then()
                .statusCode(200);
        String all = given().cookie(ConsoleSessions.COOKIE, session.cookie()).queryParam("q", "Heard ")
                .get("/console/tenants").asString() + given().cookie(ConsoleSessions.COOKIE, session.cookie())
                .queryParam("q", "Quiet ").get("/console/tenants").asString();
        assertTrue(rowOf(all, entra.tenantId).contains("<time datetime="), rowOf(all, entra.tenantId));
        assertTrue(rowOf(all, quiet).contains("<td>never</td>"), rowOf(all, quiet));
        assertTrue(all.contains("Last request"), "the column is headed");
    }

    @Test
    void i16_1_theWholeAuditLogListsEveryTenantsChangesNewestFirstADeletedTenantsIncluded() {
        Session session = signIn();
        String tenantId = Api.createTenant("Deleted later " + UUID.randomUUID());
        Api.admin().delete("/admin/v1/tenants/" + tenantId).then().statusCode(204);
        String page = given().cookie(ConsoleSessions.COOKIE, session.cookie()).get("/console/audit").then()
                .statusCode(200).extract().asString();
        String newest = rowOf(page, tenantId);
        assertTrue(newest.contains("DELETE /admin/v1/tenants/"), "the deletion comes first: " + newest);
        String older = rowOf(page.substring(page.indexOf(newest) + newest.length()), tenantId);
        assertTrue(older.contains("POST /admin/v1/tenants"), "then the creation: " + older);
        // A tenant's own audit page is newest first too.
        String other = Api.createTenant("Audited " + UUID.randomUUID());
        Api.admin().body("{\"seatLimit\": 5}").contentType("application/merge-patch+json")
                .patch("/admin/v1/tenants/" + other).then().statusCode(200);
        String own = given().cookie(ConsoleSessions.COOKIE, session.cookie()).get("/console/tenants/" + other + "/audit")
                .then().statusCode(200).extract().asString();
        int patch = own.indexOf("PATCH /admin/v1/tenants/");
        assertTrue(patch >= 0 && patch < own.indexOf("POST /admin/v1/tenants"), own);
    }

    private static String rowOf(String html, String tenantId) {
        int link = html.indexOf("/console/tenants/" + tenantId + "\"");
        assertTrue(link >= 0, "a row for " + tenantId);
        return html.substring(link, html.indexOf("</tr>", link));
    }

    @Test
    void i16_1_signingInSetsAnHttpOnlyStrictSecureSessionCookieScopedToTheConsole() {
        Response page = given().get("/console/sign-in");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"credential\">"));
        Response signedIn = given().redirects().follow(false)
                .cookie(ConsoleResponses.LOGIN_COOKIE, page.getCookie(ConsoleResponses.LOGIN_COOKIE))
                .formParam("csrf", csrfOf(page.asString())).formParam("credential", Api.ADMIN_KEY)
                .post("/console/sign-in");
        signedIn.then().statusCode(303).header("Location", containsString("/console/tenants"));
        String setCookie = signedIn.getHeaders().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(ConsoleSessions.COOKIE + "=")).findFirst().orElseThrow();
        for (String flag : List.of("HttpOnly", "SameSite=Strict", "Secure", "Path=/console")) {
            assertTrue(setCookie.contains(flag), flag + " in " + setCookie);
        }
    }

    @Test
    void i16_1_aWrongCredentialOrAMissingSignInTokenIsRefusedWithAPage() {
        Response page = given().get("/console/sign-in");
        given().cookie(ConsoleResponses.LOGIN_COOKIE, page.getCookie(ConsoleResponses.LOGIN_COOKIE))
                .formParam("csrf", csrfOf(page.asString())).formParam("credential", "not-the-admin-key")
                .post("/console/sign-in").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("not an admin credential")).header("Set-Cookie", not(containsString(
                        ConsoleSessions.COOKIE + "=")));
        // Without the cookie that matches the form's token (a form posted from another site), nobody is signed in.
        given().formParam("csrf", csrfOf(page.asString())).formParam("credential", Api.ADMIN_KEY)
                .post("/console/sign-in").then().statusCode(403).body(containsString("expired"));
    }

    @Test
    void i16_1_aChangeWithoutTheSessionsCsrfTokenChangesNothing() {
        Session session = signIn();
        String name = "csrf-victim-" + UUID.randomUUID();
        for (String csrf : new String[] {null, "", "forged-" + session.csrf()}) {
            var request = given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, session.cookie())
                    .formParam("name", name).formParam("externalId", name);
            if (csrf != null) {
                request.formParam("csrf", csrf);
            }
            request.post("/console/tenants").then().statusCode(403).body(containsString("nothing was changed"));
        }
        Api.admin().queryParam("externalId", name).get("/admin/v1/tenants").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void i16_1_aTenantCreatedInTheConsoleIsAuditedAsTheOperator() {
        Session session = signIn();
        String name = "console-made-" + UUID.randomUUID();
        Response created = given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, session.cookie())
                .formParam("csrf", session.csrf()).formParam("name", name).formParam("externalId", "ws-" + name)
                .post("/console/tenants");
        created.then().statusCode(303);
        String tenantId = created.getHeader("Location").replaceAll(".*/console/tenants/", "");
        Api.admin().get("/admin/v1/tenants/" + tenantId).then().statusCode(200).body("name", equalTo(name))
                .body("externalId", equalTo("ws-" + name));
        List<Map<String, Object>> audit = Api.admin().get("/admin/v1/tenants/" + tenantId + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals("console:admin-key", audit.get(0).get("actor"), audit.toString());
        assertEquals("POST /admin/v1/tenants", audit.get(0).get("action"), audit.toString());
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).get("/console/tenants/" + tenantId + "/audit").then()
                .statusCode(200).body(containsString("console:admin-key")).body(containsString("POST /admin/v1/tenants"));
        // The search box finds it by a piece of its name and by its external id.
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).queryParam("q", name.substring(0, 20).toUpperCase())
                .get("/console/tenants").then().statusCode(200).body(containsString(name));
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).queryParam("q", "ws-" + name)
                .get("/console/tenants").then().statusCode(200).body(containsString(name));
    }

    @Test
    void i16_1_aWebhookTheServiceRefusesIsExplainedOnThePageAndNothingIsAdded() {
        Session session = signIn();
        String tenantId = Api.createTenant("Hooks refused " + UUID.randomUUID());
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .formParam("url", "ftp://files.example.com/hook").post("/console/tenants/" + tenantId + "/webhooks")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("id=\"error\""));
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/webhooks").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void i16_1_aRuleAddedInTheConsoleLabelsEventsAndABadOneIsExplained() {
        Session session = signIn();
        String tenantId = Api.createTenant("Rules " + UUID.randomUUID());
        String path = "/console/tenants/" + tenantId + "/rules";
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .formParam("filter", "title zz \"x\"").formParam("labels", "{\"card\": \"A\"}").post(path).then()
                .statusCode(400).body(containsString("not a filter"));
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .formParam("filter", "title eq \"Engineer\"").formParam("labels", "not json").post(path).then()
                .statusCode(400).body(containsString("JSON"));
        given().redirects().follow(false).cookie(ConsoleSessions.COOKIE, session.cookie())
                .formParam("csrf", session.csrf()).formParam("filter", "title eq \"Engineer\"")
                .formParam("labels", "{\"cardTemplate\": \"B\"}").post(path).then().statusCode(303);
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/rules").then().statusCode(200)
                .body("items[0].filter", equalTo("title eq \"Engineer\""))
                .body("items[0].labels.cardTemplate", equalTo("B"));
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).get(path).then().statusCode(200)
                .body(containsString("cardTemplate"));
    }

    @Test
    void i16_1_aTokenOrTenantTheAddressDoesNotNameIsExplainedAndNothingIsRevoked() {
        Session session = signIn();
        String tenantId = Api.createTenant("Revocations " + UUID.randomUUID());
        String token = Api.createToken(tenantId);
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/console/tenants/" + tenantId + "/tokens/not-a-token/revoke").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No such token."));
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/console/tenants/" + tenantId + "/tokens/" + UUID.randomUUID() + "/revoke").then()
                .statusCode(404).body(containsString("id=\"error\""));
        given().cookie(ConsoleSessions.COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/console/tenants/" + UUID.randomUUID() + "/tokens").then().statusCode(404)
                .body(containsString("There is no tenant"));
        Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").then().statusCode(200);
    }

    @Test
    void i16_3_consolePagesForbidFramingAndInlineScripts() {
        Session session = signIn();
        for (String path : List.of("/console/sign-in", "/console/tenants")) {
            given().cookie(ConsoleSessions.COOKIE, session.cookie()).get(path).then().statusCode(200)
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Cache-Control", "no-store")
                    .body(not(containsString("<script>")));
        }
    }

    @Test
    void i16_3_anUnknownConsolePathIsAnHtmlPageNotJson() {
        given().accept("text/html").get("/console/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Back to the console"));
    }
}
