package dev.roster.users;

import dev.roster.support.Api;
import dev.roster.support.Parallel;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15, item 3: a tenant's seat limit refuses creates and reactivations past it with a SCIM 403 that tells the
 * Entra admin what to do; deactivation, deletion and inactive creates always work; the host hears of it once.
 */
@QuarkusTest
class SeatLimitTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Seats");
    }

    private void limit(Integer seats) {
        Api.admin().body(java.util.Collections.singletonMap("seatLimit", seats)).patch("/admin/v1/tenants/"
                + scim.tenantId).then().statusCode(200);
    }

    private static String name() {
        return "seat-" + UUID.randomUUID() + "@contoso.com";
    }

    private static String active(boolean active) {
        return patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}");
    }

    @Test
    void i15_3_aCreatePastTheLimitIsRefusedWithAnActionableDetail() {
        limit(2);
        scim.createUser(name());
        scim.createUser(name());
        scim.post("/Users", ScimClient.entraUser("third@contoso.com", "x")).statusCode(403)
                .body("status", equalTo("403"))
                .body("detail", containsString("allows 2 active users and 2 are active"))
                .body("detail", containsString("'third@contoso.com' was not provisioned"))
                .body("detail", containsString("add seats"));
        scim.get("/Users?filter=userName eq \"third@contoso.com\"").statusCode(200).body("totalResults", equalTo(0));
    }

    @Test
    void i15_3_deactivationDeletionAndInactiveCreatesAlwaysWork() {
        limit(1);
        String first = scim.createUser(name());
        String inactive = ScimClient.entraUser(name(), "y").replace("\"active\": true", "\"active\": false")
                .replace("\"active\":true", "\"active\":false");
        scim.post("/Users", inactive).statusCode(201).body("active", equalTo(false));
        scim.patch("/Users/" + first, active(false)).statusCode(200);
        scim.patch("/Users/" + first, active(true)).statusCode(200);
        limit(0);
        scim.patch("/Users/" + first, active(false)).statusCode(200);
        scim.delete("/Users/" + first).statusCode(204);
    }

    @Test
    void i15_3_aReactivationPastTheLimitIsRefused() {
        limit(1);
        String first = scim.createUser(name());
        scim.patch("/Users/" + first, active(false)).statusCode(200);
        scim.createUser(name());
        scim.patch("/Users/" + first, active(true)).statusCode(403)
                .body("detail", containsString("was not reactivated"));
        scim.get("/Users/" + first).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void i15_3_twoCreatesRacingForTheLastSeatNeverBothWin() {
        limit(1);
        Parallel.Answers answers = Parallel.run(8, i -> Parallel.request("POST", "/scim/v2/" + scim.tenantId + "/Users",
                scim.token, ScimClient.entraUser("race-" + i + "-" + UUID.randomUUID() + "@contoso.com", "r" + i),
                null));
        assertEquals(Map.of(201, 1L, 403, 7L), answers.byStatus(), answers::toString);
    }

    @Test
    void i15_3_theHostHearsOfARefusalOncePerEpisode() {
        limit(0);
        scim.post("/Users", ScimClient.entraUser(name(), "a")).statusCode(403);
        scim.post("/Users", ScimClient.entraUser(name(), "b")).statusCode(403);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Map<String, Object>> items;
        do {
            items = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events").then().statusCode(200)
                    .extract().jsonPath().getList("items");
        } while (items.isEmpty() && Instant.now().isBefore(deadline));
        assertEquals(List.of("tenant.seat_limit_reached"), items.stream().map(item -> item.get("type")).toList());
        Map<?, ?> resource = (Map<?, ?>) items.get(0).get("resource");
        assertEquals(0, resource.get("seatLimit"));
        assertEquals(0, resource.get("activeUsers"));
    }
}
