package dev.roster.fairuse;

import dev.roster.support.Api;
import dev.roster.support.Parallel;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 5: a tenant past its own caps gets 429 with Retry-After as a SCIM error, never a 5xx, and other
 * tenants do not notice.
 */
@QuarkusTest
class FairUseTest {

    private static void limits(ScimClient scim, Map<String, Object> limits) {
        Api.admin().body(Map.of("limits", limits)).patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
    }

    private static Parallel.Answers burst(ScimClient scim, int n) {
        return Parallel.run(n, i -> Parallel.request("GET", "/scim/v2/" + scim.tenantId
                + "/Users?filter=userName%20eq%20%22nobody" + i + "%22", scim.token, null, null));
    }

    @Test
    void i15_5_aTenantPastItsRateGets429WithRetryAfterAndOthersDoNot() {
        ScimClient busy = ScimClient.newTenant("Busy");
        ScimClient quiet = ScimClient.newTenant("Quiet");
        limits(busy, Map.of("requestsPerSecond", 2));
        Parallel.Answers answers = burst(busy, 12);
        Map<Integer, Long> byStatus = answers.byStatus();
        assertTrue(byStatus.getOrDefault(200, 0L) >= 2, "a second's burst passes: " + answers);
        assertTrue(byStatus.getOrDefault(429, 0L) >= 6, "the rest beyond the pacing is refused: " + answers);
        assertEquals(12, byStatus.getOrDefault(200, 0L) + byStatus.getOrDefault(429, 0L), answers::toString);
        for (Parallel.Answer answer : answers.all()) {
            if (answer.status() == 429) {
                List<String> retryAfter = answer.headers().get("retry-after");
                assertTrue(retryAfter != null && Integer.parseInt(retryAfter.get(0)) >= 1, "Retry-After: " + answer);
                assertTrue(answer.body().contains("\"status\":\"429\"") && answer.body().contains("requests per second"),
                        answer.body());
            }
        }
        quiet.get("/Users?filter=userName eq \"x\"").statusCode(200);
    }

    @Test
    void i15_5_aTenantPastItsConcurrencyWaitsInLineOrGets429() {
        ScimClient crowded = ScimClient.newTenant("Crowded");
        limits(crowded, Map.of("concurrentRequests", 1));
        Parallel.Answers answers = burst(crowded, 32);
        Map<Integer, Long> byStatus = answers.byStatus();
        assertEquals(32, byStatus.getOrDefault(200, 0L) + byStatus.getOrDefault(429, 0L), answers::toString);
        assertTrue(byStatus.getOrDefault(200, 0L) >= 5, "one in progress and four in line get through: " + answers);
        assertTrue(byStatus.getOrDefault(429, 0L) > 0, "beyond the line, 429: " + answers);
    }

    @Test
    void i15_5_limitsAreTenantSettings() {
        ScimClient scim = ScimClient.newTenant("Limits");
        Api.admin().body(Map.of("limits", Map.of("requestsPerSecond", 250))).patch("/admin/v1/tenants/" + scim.tenantId)
                .then().statusCode(200)
                .body("limits.requestsPerSecond", equalTo(250))
                .body("limits.custom", equalTo(List.of("requestsPerSecond")));
        Api.admin().body("{\"limits\": {\"requestsPerSecond\": null}}").patch("/admin/v1/tenants/" + scim.tenantId)
                .then().statusCode(200).body("limits.custom", equalTo(List.of()));
        Api.admin().body(Map.of("limits", Map.of("requestsPerSecond", 0))).patch("/admin/v1/tenants/" + scim.tenantId)
                .then().statusCode(400).body("detail", containsString("limits.requestsPerSecond"));
        Api.admin().body(Map.of("limits", Map.of("burst", 3))).patch("/admin/v1/tenants/" + scim.tenantId)
                .then().statusCode(400);
    }
}
