package dev.roster.rules;

import dev.roster.support.Api;
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

/** Issue 11, item 5: tenant rules label the events of matching resources; sendActivation travels in user.created. */
@QuarkusTest
class RulesTest {

    private static final String DEPARTMENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";
    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Rules");
    }

    private String rule(Map<String, Object> body) {
        return Api.admin().body(body).post("/admin/v1/tenants/" + scim.tenantId + "/rules").then().statusCode(201)
                .extract().path("id");
    }

    private String userIn(String department) {
        return scim.post("/Users", ScimClient.entraUser(UUID.randomUUID() + "@contoso.com", "e")
                .replace("\"Sales\"", "\"" + department + "\"")).statusCode(201).extract().path("id");
    }

    private List<Map<String, Object>> feed(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Map<String, Object>> items;
        do {
            items = Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/events?limit=500").then()
                    .statusCode(200).extract().jsonPath().getList("items");
        } while (items.size() < count && Instant.now().isBefore(deadline));
        return items;
    }

    @Test
    void i11_5_aRuleWhoseFilterDoesNotParseIsRefusedWithItsColumn() {
        Api.admin().body(Map.of("filter", DEPARTMENT + " eq", "labels", Map.of("cardTemplate", "A")))
                .post("/admin/v1/tenants/" + scim.tenantId + "/rules").then().statusCode(400)
                .contentType(containsString("problem+json")).body("detail", containsString("column"));
        Api.admin().body(Map.of("filter", "userName pr", "labels", Map.of()))
                .post("/admin/v1/tenants/" + scim.tenantId + "/rules").then().statusCode(400);
    }

    @Test
    void i11_5_eventsOfMatchingUsersCarryTheLabels() {
        rule(Map.of("filter", DEPARTMENT + " eq \"Marketing\"", "labels", Map.of("cardTemplate", "A")));
        rule(Map.of("filter", DEPARTMENT + " eq \"Sales\"", "labels", Map.of("team", "sales"), "applyOnUpdate", true));
        String marketing = userIn("Marketing");
        String sales = userIn("Sales");
        scim.patch("/Users/" + marketing, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"M\"}"))
                .statusCode(200);
        scim.patch("/Users/" + sales, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"S\"}"))
                .statusCode(200);
        List<Map<String, Object>> items = feed(4);
        assertEquals(4, items.size());
        assertEquals(Map.of("cardTemplate", "A"), items.get(0).get("labels"));
        assertEquals(Map.of("team", "sales"), items.get(1).get("labels"));
        assertEquals(Map.of(), items.get(2).get("labels"), "the Marketing rule applies on creation only");
        assertEquals(Map.of("team", "sales"), items.get(3).get("labels"));
    }

    @Test
    void i11_5_userCreatedCarriesTheTenantsSendActivation() {
        userIn("Sales");
        Api.admin().body(Map.of("sendActivation", true)).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(200).body("sendActivation", equalTo(true));
        userIn("Sales");
        List<Map<String, Object>> items = feed(2);
        assertEquals(false, items.get(0).get("sendActivation"));
        assertEquals(true, items.get(1).get("sendActivation"));
    }

    @Test
    void i11_5_rulesAreListedAndDeleted() {
        String id = rule(Map.of("filter", "userName sw \"a\"", "labels", Map.of("flag", true),
                "description", "A-names"));
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId + "/rules").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].labels.flag", equalTo(true));
        Api.admin().delete("/admin/v1/tenants/" + scim.tenantId + "/rules/" + id).then().statusCode(204);
        Api.admin().delete("/admin/v1/tenants/" + scim.tenantId + "/rules/" + id).then().statusCode(404);
    }
}
