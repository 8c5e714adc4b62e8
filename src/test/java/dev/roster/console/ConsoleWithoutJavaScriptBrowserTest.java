package dev.roster.console;

import dev.roster.support.Api;
import dev.roster.support.BrowserTest;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every read works without JavaScript (issue 16, item 3), in a browser that runs no page script: the operator signs in,
 * reads each page of a tenant (chart included: it is drawn on the server), filters the activity log and searches users
 * with plain GET forms, creates a token and reads it; the customer opens a setup link and refreshes its progress with a
 * link. Times are then written in UTC by the server; copy buttons, which need the script, are not shown.
 */
@QuarkusTest
@BrowserTest.WithoutJavaScript
class ConsoleWithoutJavaScriptBrowserTest extends BrowserTest {

    private static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");

    @Test
    void i16_3_everyConsoleReadAndTheTokenShownOnceWorkWithoutJavaScript() {
        ScimClient entra = ScimClient.newTenant("No script " + UUID.randomUUID());
        String ada = entra.createUser("ada@contoso.com");
        entra.createUser("grace@contoso.com");
        entra.createGroup("Engineering");
        entra.get("/Users/" + UUID.randomUUID()).statusCode(404);
        String tenant = "/console/tenants/" + entra.tenantId;

        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("credential")).sendKeys(Api.ADMIN_KEY);
        press(By.id("sign-in"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/tenants"), browser.getCurrentUrl());

        browser.get(url(tenant));
        assertFalse(browser.findElement(By.cssSelector("#tenant-url + button")).isDisplayed(),
                "no page script ran: the copy button stays hidden");
        assertTrue(browser.findElement(By.id("tenant-url")).getText().endsWith("/scim/v2/" + entra.tenantId));
        assertFalse(browser.findElements(By.cssSelector("figure svg rect")).isEmpty(), "the chart is drawn");
        assertTrue(browser.findElement(By.id("sync-state")).getText().matches("(?s)(healthy|degraded).*"));
        for (WebElement time : browser.findElements(By.tagName("time"))) {
            assertTrue(UTC_TIME.matcher(time.getText()).matches(), "a time in UTC: " + time.getText());
        }

        browser.get(url(tenant + "/activity"));
        browser.findElement(By.id("status")).sendKeys("404");
        press(By.id("filter"));
        assertEquals(1, browser.findElements(By.cssSelector("#entries tbody tr")).size(),
                browser.findElement(By.id("entries")).getText());

        browser.get(url(tenant + "/users"));
        browser.findElement(By.id("filter")).sendKeys("userName eq \"ada@contoso.com\"");
        press(By.id("search"));
        assertEquals(1, browser.findElements(By.cssSelector("#directory tbody tr")).size());
        press(By.linkText("ada@contoso.com"));
        assertTrue(browser.getCurrentUrl().endsWith("/users/" + ada), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("document")).getText().contains("ada@contoso.com"));

        for (String page : List.of("/groups", "/webhooks", "/credentials", "/rules", "/audit")) {
            browser.get(url(tenant + page));
            assertTrue(absent(By.id("error")), page);
            assertEquals(1, browser.findElements(By.tagName("h1")).size(), page);
        }

        browser.get(url(tenant));
        browser.findElement(By.id("description")).sendKeys("No script");
        press(By.id("create-token"));
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(token.startsWith("rst_"), token);
        Api.scim(token).get(Api.tenantUrl(entra.tenantId) + "/Users").then().statusCode(200);
    }

    @Test
    void i16_3_theSetupPageShowsItsCredentialAndRefreshesItsProgressWithALink() {
        String tenantId = Api.createTenant("No script setup " + UUID.randomUUID());
        String link = Api.admin().body("{}").post("/admin/v1/tenants/" + tenantId + "/setup-links").then()
                .statusCode(201).extract().path("url");
        browser.get(url(link.substring(link.indexOf("/setup/"))));
        press(By.id("open"));
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(token.startsWith("rst_"), token);
        assertTrue(browser.findElement(By.id("connection")).getText().contains("Waiting for Entra"));

        ScimClient.of(tenantId, token).createUser("ada@contoso.com");
        // The request's activity entry is queued after its answer is written: refresh until the page has it.
        for (int refresh = 0; refresh < 20; refresh++) {
            press(By.id("refresh"));
            if (browser.findElement(By.id("connection")).getText().contains("Entra has connected")) {
                break;
            }
        }
        assertTrue(browser.findElement(By.id("connection")).getText().contains("Entra has connected"),
                browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("created")).getText().startsWith("1 user(s)"),
                browser.findElement(By.id("created")).getText());
        assertFalse(browser.getPageSource().contains(token), "the credential is not shown again");
    }
}
