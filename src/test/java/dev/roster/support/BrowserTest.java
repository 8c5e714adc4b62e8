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

    /** An address on the test server. */
    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
