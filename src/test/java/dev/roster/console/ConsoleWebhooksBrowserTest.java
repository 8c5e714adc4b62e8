package dev.roster.console;

import com.sun.net.httpserver.HttpServer;
import dev.roster.support.Api;
import dev.roster.support.BrowserTest;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks in the console, in a real browser (issue 16, items 1 and 4): an endpoint added with its secret shown once,
 * its deliveries listed, one redelivered (the receiver gets the same event again), the secret rotated.
 */
@QuarkusTest
class ConsoleWebhooksBrowserTest extends BrowserTest {

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        browser.get(url("/console"));
        if (!browser.getCurrentUrl().endsWith("/console/sign-in")) {
            press(By.id("sign-out"));
        }
        browser.findElement(By.id("credential")).sendKeys(Api.ADMIN_KEY);
        press(By.id("sign-in"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void i16_4_addAnEndpointSeeADeliveryRedeliverItAndRotateTheSecret() {
        ScimClient entra = ScimClient.newTenant("Hooked " + UUID.randomUUID());
        browser.get(url("/console/tenants/" + entra.tenantId + "/webhooks"));
        assertTrue(browser.findElement(By.id("no-endpoints")).isDisplayed());
        browser.findElement(By.id("url")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        press(By.id("add-endpoint"));
        assertEquals(1, browser.findElements(By.id("webhook-secret")).size(),
                () -> browser.findElement(By.tagName("main")).getText());
        String secret = browser.findElement(By.id("webhook-secret")).getText();
        assertTrue(secret.startsWith("whsec_"), secret);

        String userId = entra.createUser("hooked@contoso.com");
        awaitBodies(1);
        assertTrue(bodies.peek().contains(userId), bodies.peek());

        press(By.id("done"));
        WebElement deliveries = browser.findElement(By.cssSelector("table.deliveries"));
        assertTrue(deliveries.getText().contains("delivered") || deliveries.getText().contains("200"),
                deliveries.getText());
        press(By.cssSelector("table.deliveries button"));
        awaitBodies(2);
        List<String> received = List.copyOf(bodies);
        assertEquals(eventId(received.get(0)), eventId(received.get(1)), "the same event, sent again");

        press(By.cssSelector("[id^=rotate-]"));
        String second = browser.findElement(By.id("webhook-secret")).getText();
        assertTrue(second.startsWith("whsec_") && !second.equals(secret));
        press(By.id("done"));
        assertEquals(2, browser.findElements(By.cssSelector("section.endpoint ul.plain li")).size());
        press(By.cssSelector("section.endpoint ul.plain button.danger"));
        assertEquals(1, browser.findElements(By.cssSelector("section.endpoint ul.plain li")).size());
    }

    private void awaitBodies(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (bodies.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(bodies.size() >= count, "deliveries received: " + bodies.size());
    }

    private static String eventId(String body) {
        return io.restassured.path.json.JsonPath.from(body).getString("id");
    }

}
