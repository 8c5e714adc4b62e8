package dev.roster.support;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/** A test class that drives one headless Chromium ({@link Browser}) against the test server, shared by its tests. */
public abstract class BrowserTest {

    protected static WebDriver browser;

    @TestHTTPResource("/")
    protected URL root;

    @BeforeAll
    static void openBrowser(TestInfo test) {
        browser = Browser.start(test.getTestClass().map(type -> !type.isAnnotationPresent(WithoutJavaScript.class))
                .orElse(true));
    }

    /** A browser test class whose browser runs no page script: what a reader with JavaScript turned off sees. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface WithoutJavaScript {
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /**
     * Clicks what submits a form or follows a link, and waits until the next page has replaced this one and finished
     * loading. A click that lands while the previous page is still being replaced is tried again on the new page.
     */
    protected static void press(By what) {
        for (int attempt = 1; ; attempt++) {
            awaitLoaded();
            WebElement element = browser.findElement(what);
            try {
                element.click();
            } catch (WebDriverException replaced) { // stale, or "does not belong to the document"
                if (attempt < 3) {
                    continue;
                }
                throw replaced;
            }
            awaitReplaced(element);
            return;
        }
    }

    /** Waits until the page holding {@code element} has been replaced by the next one, and that one has loaded. */
    protected static void awaitReplaced(WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> replaced(element));
        awaitLoaded();
    }

    /** Whether the page has no element {@code what}, answered at once (not after the implicit wait for one to appear). */
    protected static boolean absent(By what) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(what).isEmpty();
        } finally {
            browser.manage().timeouts().implicitlyWait(Browser.IMPLICIT_WAIT);
        }
    }

    /** The text of an element on a page that rewrites parts of itself (the setup page's progress): read again if so. */
    protected static String text(By what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(what).getText();
            } catch (StaleElementReferenceException rewritten) {
                if (attempt >= 5) {
                    throw rewritten;
                }
            }
        }
    }

    /**
     * Whether the page holding {@code element} is gone. Chromium reports it as a stale element, or (150, for a node of
     * a document already replaced) as "does not belong to the document"; Selenium's stalenessOf knows only the first.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException other) {
            if (String.valueOf(other.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw other;
        }
    }

    private static void awaitLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** An address on the test server. */
    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
