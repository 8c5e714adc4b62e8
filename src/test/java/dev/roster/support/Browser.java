package dev.roster.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium for the console's browser tests, from the machine's Debian packages ({@code chromium},
 * {@code chromium-driver}; `.ci/run` installs them): nothing is downloaded at test time. Without them the browser tests
 * fail in CI, where they are not optional, and are skipped with a notice elsewhere (as the manifest checks without
 * kubectl). One browser per test class: starting one costs about a second.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    /** How long a lookup waits for its element to appear (a page still loading). */
    static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    private Browser() {
    }

    public static WebDriver start() {
        return start(true);
    }

    /** A browser that runs pages' scripts, or (false) one that runs none, as a reader who turned JavaScript off. */
    public static WebDriver start(boolean javaScript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String notice = "Skipping the browser tests: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (install"
                    + " Debian's chromium and chromium-driver as root; .ci/run does).";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail(notice);
            }
            System.err.println(notice);
            org.junit.jupiter.api.Assumptions.abort(notice);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                        "--lang=en-US");
        if (!javaScript) {
            // Pages' scripts are off; the test's own (readyState, checks) still run through DevTools.
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript",
                    2));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    /**
     * Saves a screenshot of the page as {@code name}.png under target/screenshots, and under the folder named by
     * {@code -Dscreenshots=<dir>} too (the README's pictures: {@code -Dscreenshots=docs}).
     */
    public static void screenshot(WebDriver driver, String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            for (String dir : new String[] {"target/screenshots", System.getProperty("screenshots")}) {
                if (dir != null && !dir.isBlank()) {
                    Files.createDirectories(Path.of(dir));
                    Files.copy(shot.toPath(), Path.of(dir, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }
}
