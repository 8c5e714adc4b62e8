package dev.roster.console;

import dev.roster.support.Api;
import dev.roster.support.Browser;
import dev.roster.support.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser (issue 16, item 4): headless Chromium through ChromeDriver, driven as an operator
 * would, with the keyboard and the mouse; what the SCIM surface then answers is checked through the API.
 */
@QuarkusTest
class ConsoleBrowserTest extends BrowserTest {


    /** Each test starts signed out (the browser, and so its session cookie, is shared by the class). */
    @BeforeEach
    void signedOut() {
        browser.get(url("/console"));
        if (!browser.getCurrentUrl().endsWith("/console/sign-in")) {
            press(By.id("sign-out"));
        }
    }


    private void signIn() {
        browser.get(url("/console"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
        browser.findElement(By.id("credential")).sendKeys(Api.ADMIN_KEY);
        press(By.id("sign-in"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/tenants"), () -> browser.getCurrentUrl() + ": "
                + browser.findElement(By.tagName("main")).getText());
    }

    @Test
    void i16_4_signInThenOutAndTheConsoleIsClosedAgain() {
        browser.get(url("/console/tenants"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "signed out: " + browser.getCurrentUrl());
        browser.findElement(By.id("credential")).sendKeys("a wrong key");
        press(By.id("sign-in"));
        assertTrue(browser.findElement(By.id("error")).getText().contains("not an admin credential"));

        signIn();
        assertTrue(browser.findElement(By.tagName("header")).getText().contains("Signed in as admin-key"));
        press(By.id("sign-out"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
        browser.get(url("/console/tenants"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), "after sign-out: " + browser.getCurrentUrl());
    }

    @Test
    void i16_4_createATenantAndATokenSeeItOnceRevokeItAndScimRefusesIt() throws InterruptedException {
        signIn();
        String name = "Blinq workspace " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("externalId")).sendKeys("ws-" + name.hashCode());
        press(By.id("create-tenant"));
        assertEquals(name, browser.findElement(By.tagName("h1")).getText());
        String tenantUrl = browser.findElement(By.id("tenant-url")).getText();
        assertTrue(tenantUrl.contains("/scim/v2/"), tenantUrl);
        String tenantId = tenantUrl.substring(tenantUrl.lastIndexOf('/') + 1);
        assertTrue(browser.findElement(By.id("token-list")).getText().contains("No token yet"));

        browser.findElement(By.id("description")).sendKeys("Entra provisioning");
        press(By.id("create-token"));
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(token.startsWith("rst_"), token);
        Browser.screenshot(browser, "console-token-created");
        Api.scim(token).queryParam("filter", "userName eq \"nobody@contoso.com\"").get(Api.tenantUrl(tenantId) + "/Users")
                .then().statusCode(200);

        // Shown once: the tenant's page lists the token by its last four characters only.
        press(By.id("done"));
        String listed = browser.findElement(By.id("token-list")).getText();
        assertTrue(listed.contains(token.substring(token.length() - 4)), listed);
        assertFalse(browser.getPageSource().contains(token), "the whole token is never shown again");
        Browser.screenshot(browser, "console-tenant");

        press(By.cssSelector("#token-list button.danger"));
        assertTrue(browser.findElement(By.id("token-list")).getText().contains("No token yet"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int status;
        do { // another pod's cache could keep it up to roster.auth.credential-cache-ttl; this pod drops it at once
            status = Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").statusCode();
        } while (status != 401 && Instant.now().isBefore(deadline) && sleep());
        assertEquals(401, status);
    }


    private static boolean sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Test
    void i16_4_aTenantSuspendedInTheConsoleIsRefusedBySCIMAndABadSettingChangesNothing() {
        String tenantId = Api.createTenant("Suspendable " + UUID.randomUUID());
        String token = Api.createToken(tenantId);
        signIn();
        browser.get(url("/console/tenants/" + tenantId));
        browser.findElement(By.id("seatLimit")).sendKeys("ten");
        browser.findElement(By.id("suspended")).click();
        press(By.id("save-settings"));
        assertTrue(browser.findElement(By.id("error")).getText().contains("whole number"),
                browser.findElement(By.id("error")).getText());
        Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").then().statusCode(200);

        browser.get(url("/console/tenants/" + tenantId));
        browser.findElement(By.id("seatLimit")).sendKeys("25");
        browser.findElement(By.id("suspended")).click();
        press(By.id("save-settings"));
        assertTrue(browser.findElement(By.id("state")).getText().startsWith("Suspended"));
        Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").then().statusCode(403);
        Api.admin().get("/admin/v1/tenants/" + tenantId).then().statusCode(200)
                .body("suspended", org.hamcrest.Matchers.equalTo(true))
                .body("seatLimit", org.hamcrest.Matchers.equalTo(25));
    }

    @Test
    void i16_4_theTenantPageShowsSyncHealthAndTheActivityLogFiltersByStatus() {
        dev.roster.support.ScimClient entra = dev.roster.support.ScimClient.newTenant("Observed " + UUID.randomUUID());
        String ada = entra.createUser("ada@contoso.com");
        entra.post("/Users", dev.roster.support.ScimClient.entraUser("ADA@contoso.com", "ext-2")).statusCode(409);
        String ghost = UUID.randomUUID().toString();
        entra.get("/Users/" + ghost).statusCode(404);

        signIn();
        browser.get(url("/console/tenants/" + entra.tenantId));
        String state = browser.findElement(By.id("sync-state")).getText();
        assertTrue(state.startsWith("healthy") || state.startsWith("degraded"), state);
        assertFalse(browser.findElements(By.cssSelector("figure svg rect")).isEmpty(), "the chart has bars");
        assertTrue(browser.findElement(By.id("top-errors")).getText().contains("409"));
        Browser.screenshot(browser, "console-tenant-health");

        assertTrue(browser.findElement(By.cssSelector("#tenant-url + button")).isDisplayed(),
                "the page's script shows the copy buttons");

        press(By.id("activity-link"));
        assertEquals(3, browser.findElements(By.cssSelector("#entries tbody tr")).size(), "every request is there");
        WebElement at = browser.findElement(By.cssSelector("#entries time"));
        assertFalse(at.getText().endsWith("UTC"), "the script shows times in the viewer's zone: " + at.getText());
        assertEquals(at.getAttribute("datetime"), at.getAttribute("title"), "with the exact time on hover");
        browser.findElement(By.id("status")).sendKeys("4xx");
        press(By.id("filter"));
        String failures = browser.findElement(By.id("entries")).getText();
        assertTrue(failures.contains("409") && failures.contains("404"), failures);
        assertFalse(failures.contains(" 201"), failures);
        assertEquals(2, browser.findElements(By.cssSelector("#entries tbody tr")).size(), failures);

        browser.get(url("/console/tenants/" + entra.tenantId + "/activity?resourceId=" + ada));
        String ofAda = browser.findElement(By.id("entries")).getText();
        assertTrue(ofAda.contains("201"), ofAda);
        browser.get(url("/console/tenants/" + entra.tenantId + "/activity?status=teapot"));
        assertTrue(browser.findElement(By.id("error")).getText().contains("4xx"));
    }

    @Test
    void i16_4_usersAreSearchedWithAScimFilterAndOneShowsItsDocumentGroupsAndEvents() {
        dev.roster.support.ScimClient entra = dev.roster.support.ScimClient.newTenant("People " + UUID.randomUUID());
        String ada = entra.createUser("ada@contoso.com");
        entra.createUser("grace@contoso.com");
        String group = entra.createGroup("Engineering");
        entra.patch("/Groups/" + group, dev.roster.support.ScimClient.patch("{\"op\":\"Add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + ada + "\"}]}")).statusCode(204);
        signIn();
        browser.get(url("/console/tenants/" + entra.tenantId));
        press(By.id("users-link"));
        assertEquals(2, browser.findElements(By.cssSelector("#directory tbody tr")).size());
        browser.findElement(By.id("filter")).sendKeys("userName sw \"ADA\"");
        press(By.id("search"));
        assertEquals(1, browser.findElements(By.cssSelector("#directory tbody tr")).size());
        press(By.linkText("ada@contoso.com"));
        String document = browser.findElement(By.id("document")).getText();
        assertTrue(document.contains("\"userName\" : \"ada@contoso.com\"") && document.contains("Engineering"),
                document);
        String events = browser.findElements(By.cssSelector("pre.event")).stream().map(e -> e.getText())
                .reduce("", String::concat);
        assertTrue(events.contains("user.created"), events);

        browser.get(url("/console/tenants/" + entra.tenantId + "/users?filter=userName%20zz%20%22x%22"));
        assertTrue(browser.findElement(By.id("error")).getText().toLowerCase().contains("filter"),
                browser.findElement(By.id("error")).getText());
        browser.get(url("/console/tenants/" + entra.tenantId + "/groups/" + group));
        assertEquals("Engineering", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void i16_4_anOAuthClientAndASetupLinkMadeInTheConsoleWork() {
        String tenantId = Api.createTenant("Gallery app " + UUID.randomUUID());
        signIn();
        browser.get(url("/console/tenants/" + tenantId));
        press(By.id("credentials-link"));
        press(By.id("create-client"));
        String clientId = browser.findElement(By.id("client-id")).getText();
        String secret = browser.findElement(By.id("shown-once")).getText();
        assertEquals(200, token(clientId, secret));
        press(By.id("done"));
        String clients = browser.findElement(By.id("clients")).getText();
        assertTrue(clients.contains(clientId) && !browser.getPageSource().contains(secret), clients);

        // Rotation: a second secret, shown once, works beside the first; revoking the first leaves only the second.
        press(By.id("add-secret-" + clientId));
        String rotated = browser.findElement(By.id("shown-once")).getText();
        assertEquals(200, token(clientId, rotated));
        press(By.id("done"));
        String oldHint = "…" + secret.substring(secret.length() - 4); // as listed
        press(By.xpath("//table[@id='clients']//li[contains(., '" + oldHint + "')]//button"));
        assertFalse(browser.findElement(By.id("clients")).getText().contains(oldHint), "the old secret is gone");
        assertEquals(401, token(clientId, secret));
        assertEquals(200, token(clientId, rotated));

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("credential-kind")))
                .selectByValue("token");
        press(By.id("create-setup-link"));
        String link = browser.findElement(By.id("shown-once")).getText();
        assertTrue(link.contains("/setup/rsl_"), link);
        browser.get(url(link.substring(link.indexOf("/setup/"))));
        press(By.id("open"));
        assertTrue(browser.findElement(By.id("token")).getText().startsWith("rst_"));
        browser.get(url("/console/tenants/" + tenantId + "/credentials"));
        assertFalse(browser.findElement(By.id("links")).getText().contains("not yet"), "the link is opened");
    }

    /** The token endpoint's status for a client credentials grant. */
    private static int token(String clientId, String secret) {
        return io.restassured.RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/oauth2/token").statusCode();
    }

    @jakarta.inject.Inject
    ConsoleSessions sessions;

    @Test
    void i16_4_aSessionLeftIdleEndsAndTheBrowserIsAskedToSignInAgain() {
        browser.get(url("/console/sign-in"));
        Instant now = Instant.now();
        browser.manage().addCookie(new org.openqa.selenium.Cookie(ConsoleSessions.COOKIE, sessions.encode(
                new ConsoleSession("admin-key", "csrf", now.minusSeconds(3600), now.minusSeconds(31 * 60))),
                "/console"));
        browser.get(url("/console/tenants"));
        assertTrue(browser.getCurrentUrl().contains("/console/sign-in"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("notice")).getText().contains("session has ended"));
        signIn(); // and signing in again works
    }

    @Test
    void i16_4_aFormWhoseCsrfTokenWasTamperedWithIsRefusedAndChangesNothing() {
        String tenantId = Api.createTenant("Tampered " + UUID.randomUUID());
        signIn();
        browser.get(url("/console/tenants/" + tenantId));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('form[action$=\"/tokens\"] input[name=csrf]').value = 'forged'");
        browser.findElement(By.id("description")).sendKeys("planted");
        press(By.id("create-token"));
        assertEquals("Form expired", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("nothing was changed"));
        Api.admin().get("/admin/v1/tenants/" + tenantId + "/tokens").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void i16_4_theTenantsSearchFindsATenantByItsExternalId() {
        String tenantId = Api.createTenant("Searchable " + UUID.randomUUID());
        Api.admin().body("{\"externalId\":\"blogin-" + tenantId + "\"}").contentType("application/merge-patch+json")
                .patch("/admin/v1/tenants/" + tenantId).then().statusCode(200);
        signIn();
        browser.findElement(By.id("q")).sendKeys("blogin-" + tenantId);
        press(By.cssSelector("form[role=search] button"));
        String table = browser.findElement(By.id("tenants")).getText();
        assertTrue(table.contains("blogin-" + tenantId), table);
        assertEquals(1, browser.findElements(By.cssSelector("#tenants tbody tr")).size(), table);
    }
}
