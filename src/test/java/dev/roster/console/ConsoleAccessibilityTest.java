package dev.roster.console;

import dev.roster.support.Api;
import dev.roster.support.BrowserTest;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console is plain and accessible (issue 16, item 3): a keyboard alone signs in, and on every page each visible
 * control has a label, the page has a language, one main heading and a skip link, and tables have captions and header
 * cells.
 */
@QuarkusTest
class ConsoleAccessibilityTest extends BrowserTest {

    /** Every visible control without a label, every table without a caption or header cells, as one text (empty: none). */
    private static final String PROBLEMS = """
            const problems = [];
            for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
              const labelled = (c.id && document.querySelector('label[for="' + c.id + '"]')) || c.closest('label')
                || c.getAttribute('aria-label');
              if (!labelled) problems.push('unlabelled ' + c.tagName + ' ' + (c.name || c.id));
            }
            for (const b of document.querySelectorAll('button')) {
              if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('button without a name');
            }
            for (const t of document.querySelectorAll('table')) {
              if (!t.querySelector('caption')) problems.push('table without caption ' + t.id);
              if (!t.querySelector('th[scope]')) problems.push('table without header cells ' + t.id);
            }
            if (!document.documentElement.lang) problems.push('no lang');
            if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1');
            if (!document.querySelector('a.skip[href="#main"]') || !document.getElementById('main'))
              problems.push('no skip link to main');
            return problems.join('; ');""";

    @Test
    void i16_3_aKeyboardAloneSignsIn() {
        browser.get(url("/console/sign-in"));
        // The skip link comes first; a few Tabs more reach the credential field (past the header's link).
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("skip", browser.switchTo().activeElement().getAttribute("class"));
        for (int tab = 0; tab < 4 && !"credential".equals(browser.switchTo().activeElement().getAttribute("id"));
             tab++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("credential", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Api.ADMIN_KEY, Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().endsWith("/console/tenants"));
        press(By.id("sign-out"));
    }

    /**
     * An operator who uses no mouse: from the tenant list to a new tenant, a token created and read, and revoked, each
     * control reached with Tab (and seen: it has a focus outline) and used with Enter.
     */
    @Test
    void i16_3_aKeyboardAloneCreatesATenantAndATokenAndRevokesIt() {
        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("credential")).sendKeys(Api.ADMIN_KEY, Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().endsWith("/console/tenants"));
        String name = "Keyboard " + UUID.randomUUID().toString().substring(0, 8);

        tabTo("#name").sendKeys(name);
        pressEnterOn("#create-tenant");
        assertEquals(name, browser.findElement(By.tagName("h1")).getText());
        tabTo("#description").sendKeys("Typed");
        pressEnterOn("#create-token");
        String token = browser.findElement(By.id("token")).getText();
        assertTrue(token.startsWith("rst_"), token);
        pressEnterOn("#done");
        pressEnterOn("#token-list button.danger");
        assertTrue(browser.findElement(By.id("token-list")).getText().contains("No token yet"));
        pressEnterOn("#sign-out");
        assertTrue(browser.getCurrentUrl().endsWith("/console/sign-in"), browser.getCurrentUrl());
    }

    /** Presses Tab from the top of the page until the element {@code css} names has the focus (at most 100 times). */
    private static WebElement tabTo(String css) {
        WebElement target = browser.findElement(By.cssSelector(css));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int tab = 0; tab < 100 && !target.equals(browser.switchTo().activeElement()); tab++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        WebElement focused = browser.switchTo().activeElement();
        assertEquals(target, focused, css + " is reachable with Tab");
        assertFalse("none".equals(focused.getCssValue("outline-style")), css + " shows that it has the focus");
        return focused;
    }

    /** Reaches {@code css} with Tab and presses Enter on it, then waits for the page it leads to. */
    private static void pressEnterOn(String css) {
        WebElement element = tabTo(css);
        element.sendKeys(Keys.ENTER);
        awaitReplaced(element);
    }

    @Test
    void i16_3_everyPageLabelsItsControlsAndHasOneHeadingALanguageAndASkipLink() {
        ScimClient entra = ScimClient.newTenant("Accessible " + UUID.randomUUID());
        String user = entra.createUser("ada@contoso.com");
        String link = Api.admin().body("{}").post("/admin/v1/tenants/" + entra.tenantId + "/setup-links").then()
                .statusCode(201).extract().path("url");
        browser.get(url("/console/sign-in"));
        assertEquals("", problems(), "sign-in");
        browser.findElement(By.id("credential")).sendKeys(Api.ADMIN_KEY);
        press(By.id("sign-in"));
        String tenant = "/console/tenants/" + entra.tenantId;
        for (String path : List.of("/console/tenants", "/console/audit", tenant, tenant + "/activity", tenant + "/users",
                tenant + "/users/" + user, tenant + "/groups", tenant + "/webhooks", tenant + "/credentials",
                tenant + "/rules", tenant + "/audit", link.substring(link.indexOf("/setup/")))) {
            browser.get(url(path));
            assertTrue(browser.getCurrentUrl().endsWith(path), "still signed in: " + browser.getCurrentUrl());
            assertEquals("", problems(), path);
        }
        press(By.id("open")); // the setup page once opened: credentials and progress
        assertEquals("", problems(), "the opened setup page");
        assertTrue(browser.findElement(By.id("token")).getText().startsWith("rst_"));
    }

    private static String problems() {
        return (String) ((JavascriptExecutor) browser).executeScript(PROBLEMS);
    }
}
