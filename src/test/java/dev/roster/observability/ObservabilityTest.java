package dev.roster.observability;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 8: an access log line per request without secrets, and latency histograms per operation. */
@QuarkusTest
class ObservabilityTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        java.util.logging.Logger.getLogger("roster.access").addHandler(capture);
    }

    @AfterEach
    void stop() {
        java.util.logging.Logger.getLogger("roster.access").removeHandler(capture);
    }

    private String lineWith(String requestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            for (String line : lines) {
                if (line.contains(requestId)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no access log line for " + requestId + " in " + lines);
    }

    @Test
    void i15_8_everyRequestHasOneJsonAccessLineWithItsRouteAndNoSecret() {
        ScimClient scim = ScimClient.newTenant("Access log");
        String id = scim.createUser("log-" + UUID.randomUUID() + "@contoso.com");
        String requestId = "req-" + UUID.randomUUID();
        scim.request().header("X-Request-Id", requestId).get(scim.base + "/Users/" + id + "?attributes=userName")
                .then().statusCode(200);
        String line = lineWith(requestId);
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertTrue(line.contains("\"method\":\"GET\""), line);
        assertTrue(line.contains("\"route\":\"/scim/v2/Users/{id}\""), "the route template, not the path: " + line);
        assertTrue(line.contains("\"status\":200"), line);
        assertTrue(line.contains("\"tenantId\":\"" + scim.tenantId + "\""), line);
        assertTrue(line.contains("\"credentialId\":"), line);
        assertTrue(line.contains("\"durationMs\":"), line);
        assertFalse(line.contains(scim.token) || line.contains("attributes") || line.contains(id), line);

        String refused = "req-" + UUID.randomUUID();
        given().header("X-Request-Id", refused).header("Authorization", "Bearer rst_wrong")
                .get(scim.base + "/Users").then().statusCode(401);
        String refusedLine = lineWith(refused);
        assertTrue(refusedLine.contains("\"status\":401") && !refusedLine.contains("rst_wrong"), refusedLine);
    }

    @Test
    void i15_8_latencyHistogramsHaveBucketsPerOperation() {
        ScimClient scim = ScimClient.newTenant("Histograms");
        scim.createUser("hist-" + UUID.randomUUID() + "@contoso.com");
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/scim/v2/Users\""))
                .body(containsString("uri=\"/admin/v1/tenants/{tenantId}\""))
                .body(containsString("le=\"0.001\""))
                .body(containsString("roster_fair_use_refusals_total"));
    }
}
