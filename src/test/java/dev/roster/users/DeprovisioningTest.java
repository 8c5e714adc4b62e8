package dev.roster.users;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.roster.support.Api.admin;
import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 4, item 7: deactivation keeps the user; DELETE is hard by default, soft per tenant; seats per tenant. */
@QuarkusTest
class DeprovisioningTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Deprovisioning");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
    }

    @Test
    void deactivatedUsersStayFindableKeepTheirGroupsAndStopCountingAsSeats() {
        String userName = unique("inactive");
        String id = scim.createUser(userName);
        scim.createUser(unique("active"));
        String group = scim.createGroup("Keepers " + UUID.randomUUID());
        scim.patch("/Groups/" + group, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id
                + "\"}]}")).statusCode(204);
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")).statusCode(200);

        scim.request().queryParam("filter", "userName eq \"" + userName + "\"").get(scim.base + "/Users").then()
                .body("totalResults", equalTo(1)).body("Resources[0].active", equalTo(false));
        scim.get("/Groups/" + group).body("members.value", hasItem(id));
        admin().get("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200)
                .body("seats.active", equalTo(1)).body("seats.deactivated", equalTo(1))
                .body("seats.retained", equalTo(0)).body("userDeletion", equalTo("hard"));
    }

    @Test
    void hardDeleteByDefaultRemovesTheUser() {
        String id = scim.createUser(unique("hard"));
        scim.delete("/Users/" + id).statusCode(204);
        scim.get("/Users/" + id).statusCode(404);
        admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/restore").then().statusCode(404)
                .contentType("application/problem+json");
        admin().get("/admin/v1/tenants/" + scim.tenantId).then().body("seats.retained", equalTo(0));
    }

    @Test
    void softDeleteHidesTheUserAndTheAdminApiRestoresIt() {
        admin().body("{\"userDeletion\": \"soft\", \"deletedUserRetentionDays\": 7}")
                .patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200)
                .body("userDeletion", equalTo("soft")).body("deletedUserRetentionDays", equalTo(7));
        String userName = unique("soft");
        String id = scim.createUser(userName);
        scim.delete("/Users/" + id).statusCode(204);
        scim.get("/Users/" + id).statusCode(404);
        scim.request().queryParam("filter", "userName eq \"" + userName + "\"").get(scim.base + "/Users").then()
                .body("totalResults", equalTo(0));
        admin().get("/admin/v1/tenants/" + scim.tenantId).then().body("seats.retained", equalTo(1))
                .body("seats.active", equalTo(0));

        admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/restore").then().statusCode(204);
        scim.get("/Users/" + id).statusCode(200).body("userName", equalTo(userName));
    }

    @Test
    void restoreRefusesWhenTheUserNameWasTakenMeanwhile() {
        admin().body("{\"userDeletion\": \"soft\"}").patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        String userName = unique("reused");
        String id = scim.createUser(userName);
        scim.delete("/Users/" + id).statusCode(204);
        scim.createUser(userName);
        admin().post("/admin/v1/tenants/" + scim.tenantId + "/users/" + id + "/restore").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsUnknownDeletionModes() {
        admin().body("{\"userDeletion\": \"archive\"}").patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(400);
        admin().body("{\"deletedUserRetentionDays\": 0}").patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(400);
    }
}
