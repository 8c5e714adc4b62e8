package dev.roster.synchealth;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15, item 4: a tenant's sync health, with the stall threshold shortened to 3 s in the test profile; the monitor
 * runs when the test asks.
 */
@QuarkusTest
class SyncHealthTest {

    @Inject
    SyncHealthMonitor monitor;

    private void check() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> monitor.checkNow());
    }

    private static String health(String tenantId) {
        return "/admin/v1/tenants/" + tenantId + "/health";
    }

    private static List<String> eventTypes(String tenantId) {
        return Api.admin().get("/admin/v1/tenants/" + tenantId + "/events?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.type");
    }

    private static List<String> eventually(String tenantId, String type) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> types;
        do {
            types = eventTypes(tenantId);
        } while (!types.contains(type) && Instant.now().isBefore(deadline));
        return types;
    }

    @Test
    void i15_4_aTenantGoesFromNeverConnectedToHealthyToStalledAndRecovers() throws Throwable {
        ScimClient scim = ScimClient.newTenant("Sync health");
        Api.admin().get(health(scim.tenantId)).then().statusCode(200).body("state", equalTo("never_connected"));

        scim.createUser("h-" + UUID.randomUUID() + "@contoso.com");
        Api.admin().get(health(scim.tenantId)).then().statusCode(200).body("state", equalTo("healthy"))
                .body("lastRequestAt", notNullValue()).body("lastSuccessfulWriteAt", notNullValue())
                .body("lastHour.requests", greaterThanOrEqualTo(1)).body("lastDay.byStatus.201", equalTo(1));

        Thread.sleep(3_500);
        check();
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId).then().body("sync.state", equalTo("stalled"))
                .body("sync.since", notNullValue());
        Api.admin().get(health(scim.tenantId)).then().body("state", equalTo("stalled"))
                .body("stateSince", notNullValue());
        List<String> types = eventually(scim.tenantId, "tenant.sync_stalled");
        assertEquals(1, types.stream().filter("tenant.sync_stalled"::equals).count(), types::toString);
        check();
        assertEquals(1, eventTypes(scim.tenantId).stream().filter("tenant.sync_stalled"::equals).count(),
                "a state is reported once");

        scim.get("/Users?filter=userName eq \"back\"").statusCode(200);
        // The request's activity entry is queued when its response has ended, which may be just after the client has
        // the answer: check again until the monitor has seen it (or the deadline passes and the assertion fails).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        do {
            check();
        } while (!"healthy".equals(Api.admin().get("/admin/v1/tenants/" + scim.tenantId).then().extract()
                .path("sync.state")) && Instant.now().isBefore(deadline));
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId).then().body("sync.state", equalTo("healthy"));
        assertEquals(true, eventually(scim.tenantId, "tenant.sync_recovered").contains("tenant.sync_recovered"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("roster_tenants_sync_state"));
    }

    @Test
    void i15_4_refusedCredentialsMakeATenantDegradedWithItsErrorsListed() {
        ScimClient scim = ScimClient.newTenant("Degraded");
        scim.createUser("d-" + UUID.randomUUID() + "@contoso.com");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer rst_revoked" + i).get(scim.base + "/Users").then().statusCode(401);
        }
        Api.admin().get(health(scim.tenantId)).then().statusCode(200).body("state", equalTo("degraded"))
                .body("lastHour.byStatus.401", equalTo(3))
                .body("topErrors[0].status", equalTo(401)).body("topErrors[0].count", equalTo(3));
    }

    @Test
    void i15_4_aCredentialExpiringSoonIsShownAndReportedOnce() throws Throwable {
        ScimClient scim = ScimClient.newTenant("Expiring");
        String tokenId = Api.admin().body(Map.of("description", "short", "expiresAt",
                        Instant.now().plus(Duration.ofDays(3)).toString()))
                .post("/admin/v1/tenants/" + scim.tenantId + "/tokens").then().statusCode(201).extract().path("id");
        Api.admin().get(health(scim.tenantId)).then().body("expiringCredentials", hasSize(1))
                .body("expiringCredentials[0].id", equalTo(tokenId))
                .body("expiringCredentials[0].kind", equalTo("secret_token"));
        check();
        check();
        List<String> types = eventually(scim.tenantId, "credential.expiring");
        assertEquals(1, types.stream().filter("credential.expiring"::equals).count(), types::toString);
        Api.admin().get(health(UUID.randomUUID().toString())).then().statusCode(404);
    }
}
