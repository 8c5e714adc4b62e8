package dev.roster.support;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

import java.net.URL;

/** A test class that drives one headless Chromium ({@link Browser}) against the test server, shared by its tests. */
public abstract class BrowserTest {

    protected static WebDriver browser;

    @TestHTTPResource("/")
    protected URL root;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    protected static void press(org.openqa.selenium.By what) {
        org.openqa.selenium.WebElement element = browser.findElement(what);
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
    }

    /** An address on the test server. */
    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
