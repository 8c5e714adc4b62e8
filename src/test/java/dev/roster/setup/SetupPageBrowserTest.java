package dev.roster.setup;

import dev.roster.support.Api;
import dev.roster.support.Browser;
import dev.roster.support.BrowserTest;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer's setup page in a real browser (issue 16, items 2 and 4): the IT admin opens the link, copies the Tenant
 * URL and the token, Entra connects and runs its first requests, and the page, refreshing itself, reports the
 * connection, what was created and the last error with what to do.
 */
@QuarkusTest
class SetupPageBrowserTest extends BrowserTest {


    @BeforeEach
    void freshBrowser() {
        browser.get(root.toString());
        browser.manage().deleteAllCookies();
    }

    /** The link as this test's server answers it (the public URL of the test profile names another port). */
    private String local(String url) {
        return root.toString().replaceAll("/$", "") + SetupLinkTest.path(url);
    }

    @Test
    void i16_4_theSetupPageShowsTheCredentialsOnceThenEntrasConnectionProgressAndErrors() {
        String tenantId = Api.createTenant("Blogin workspace " + UUID.randomUUID().toString().substring(0, 8));
        String link = local(SetupLinkTest.issue(tenantId, "{}"));
        browser.get(link);
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Connect Blogin workspace"));
        assertFalse(browser.getPageSource().contains("rst_"), "no credential before the button");
        press(By.id("open"));

        String tenantUrl = wait(By.id("tenant-url")).getText();
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(tenantUrl.endsWith("/scim/v2/" + tenantId), tenantUrl);
        assertTrue(token.startsWith("rst_"), token);
        assertTrue(text(By.id("connection")).contains("Waiting for Entra"));
        Browser.screenshot(browser, "setup-opened");

        // Entra, with what the admin pasted: Test Connection, then the first cycle, one user twice (a mapping mistake).
        ScimClient entra = ScimClient.of(tenantId, token);
        entra.request().queryParam("filter", "userName eq \"test-connection@contoso.com\"")
                .get(entra.base + "/Users").then().statusCode(200);
        entra.post("/Users", ScimClient.entraUser("ada@contoso.com", "ext-ada")).statusCode(201);
        entra.post("/Users", ScimClient.entraUser("grace@contoso.com", "ext-grace")).statusCode(201);
        entra.post("/Users", ScimClient.entraUser("ADA@contoso.com", "ext-ada-2")).statusCode(409);
        entra.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Engineering\"}").statusCode(201);

        // The page refreshes its progress by itself (the activity log is written within a second or so).
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> text(By.id("created")).startsWith("2 user(s) and 1 group(s)"));
        assertTrue(text(By.id("connection")).startsWith("Entra has connected"));
        String problems = text(By.id("problems"));
        assertTrue(problems.contains("409") && problems.contains("match users on userName"), problems);
        Browser.screenshot(browser, "setup-progress");

        // Coming back through the link: the progress, never the token again.
        browser.get(link);
        assertTrue(text(By.id("created")).startsWith("2 user(s)"));
        assertFalse(browser.getPageSource().contains(token));
        // Another browser (no cookie) is told the link was used, and nothing of the tenant.
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertTrue(browser.findElement(By.id("reason")).getText().contains("opens only once"));
        assertFalse(browser.getPageSource().contains(tenantId));
        Api.scim(token).get(Api.tenantUrl(tenantId) + "/Users").then().statusCode(200)
                .body("totalResults", equalTo(2));
    }

    @Test
    void i16_4_anExpiredLinkSaysSoInTheBrowser() throws Throwable {
        String tenantId = Api.createTenant("Late " + UUID.randomUUID());
        String link = local(SetupLinkTest.issue(tenantId, "{\"expiresInHours\": 1}"));
        SetupLinkTest.expireAll(tenantId);
        browser.get(link);
        assertEquals("This setup link has expired", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("reason")).getText().contains("Ask the person who sent it"));
    }

    private static org.openqa.selenium.WebElement wait(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(what));
    }
}
