package dev.roster.firsthour;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Issue 14: the sharp edges a newcomer and the public SCIM test suites meet. */
@QuarkusTest
class FirstHourTest {

    @Test
    void i14_12_theBareAddressSaysWhereToGo() {
        given().get("/").then().statusCode(200).contentType("application/json")
                .body("links.adminApi", equalTo("/admin/v1"))
                .body("links.openapi", equalTo("/q/openapi"));
    }

    @Test
    void i14_19_getPutAndPatchAnswersCarryTheResourcesLocation() {
        ScimClient scim = ScimClient.newTenant("Locations");
        String id = scim.createUser("loc-" + UUID.randomUUID() + "@contoso.com");
        scim.get("/Users/" + id).statusCode(200).header("Location", endsWith("/scim/v2/" + scim.tenantId + "/Users/" + id));
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}")).statusCode(200)
                .header("Location", endsWith("/Users/" + id));
    }

    @Test
    void i14_20_endpointNamesMatchCaseInsensitively() {
        ScimClient scim = ScimClient.newTenant("Lower case");
        String id = scim.createUser("case-" + UUID.randomUUID() + "@contoso.com");
        scim.get("/users/" + id).statusCode(200).body("id", equalTo(id));
        scim.get("/serviceproviderconfig").statusCode(200);
        scim.get("/GROUPS").statusCode(200);
    }
}
