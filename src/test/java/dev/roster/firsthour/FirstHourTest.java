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

    /** Issue 14, item 14: a meta time read back finds its resource with eq and le, and not with gt. */
    @Test
    void i14_14_metaTimesCompareAtThePrecisionTheyAreShown() {
        ScimClient scim = ScimClient.newTenant("Meta precision");
        String id = scim.createUser("meta-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"y\"}")).statusCode(200);
        for (String attribute : java.util.List.of("meta.lastModified", "meta.created")) {
            String shown = scim.get("/Users/" + id).extract().path(attribute);
            String filter = "/Users?filter=" + attribute + " %s \"" + shown + "\"";
            scim.get(filter.formatted("eq")).statusCode(200).body("totalResults", equalTo(1));
            scim.get(filter.formatted("le")).statusCode(200).body("totalResults", equalTo(1));
            scim.get(filter.formatted("ge")).statusCode(200).body("totalResults", equalTo(1));
            scim.get(filter.formatted("gt")).statusCode(200).body("totalResults", equalTo(0));
            scim.get(filter.formatted("lt")).statusCode(200).body("totalResults", equalTo(0));
        }
    }

    /** Issue 14, item 11: malformed JSON on the admin API says where it broke, as SCIM does. */
    @Test
    void i14_11_malformedAdminJsonSaysWhereItBroke() {
        dev.roster.support.Api.admin().body("{\n  \"name\": \"x\",\n  \"seatLimit\": ]\n}").post("/admin/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/problems/malformed-body"))
                .body("detail", org.hamcrest.Matchers.containsString("line 3"));
    }

    /** Issue 14, item 16: a tenant can leave RFC 9865's pagination out of its discovery document for strict clients. */
    @Test
    void i14_16_paginationCanBeLeftOutOfServiceProviderConfigPerTenant() {
        ScimClient scim = ScimClient.newTenant("Strict client");
        scim.get("/ServiceProviderConfig").statusCode(200).body("pagination.cursor", equalTo(true));
        dev.roster.support.Api.admin().body(java.util.Map.of("advertisePagination", false))
                .patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200)
                .body("advertisePagination", equalTo(false));
        scim.get("/ServiceProviderConfig").statusCode(200).body("pagination", org.hamcrest.Matchers.nullValue())
                .body("bulk.supported", equalTo(true));
        scim.get("/Users?count=1&cursor").statusCode(200); // the capability stays: only the attribute is left out
        dev.roster.support.Api.admin().body("{\"advertisePagination\": null}")
                .patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        scim.get("/ServiceProviderConfig").statusCode(200).body("pagination.cursor", equalTo(true));
    }

    @Test
    void i14_20_removingActiveNeverLeavesTheUserActive() {
        ScimClient scim = ScimClient.newTenant("Remove active");
        String id = scim.createUser("ra-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"active\"}")).statusCode(200)
                .body("active", equalTo(false));
        scim.get("/Users/" + id).statusCode(200).body("active", equalTo(false));
    }

    @Test
    void i14_19_managerRefIsDerivedFromItsValue() {
        ScimClient scim = ScimClient.newTenant("Manager ref");
        String manager = scim.createUser("boss-" + UUID.randomUUID() + "@contoso.com");
        String id = scim.createUser("report-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\",\"value\":\"" + manager
                + "\"}")).statusCode(200);
        scim.get("/Users/" + id).statusCode(200)
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.manager.value", equalTo(manager))
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.manager.$ref",
                        endsWith("/scim/v2/" + scim.tenantId + "/Users/" + manager));
    }

    /** Issue 14, item 17: a malformed PATCH is a 400 even when the id names nothing; a sound one is a 404 then. */
    @Test
    void i14_17_aMalformedPatchOfAMissingResourceIs400() {
        ScimClient scim = ScimClient.newTenant("Patch first");
        String missing = UUID.randomUUID().toString();
        scim.patch("/Users/" + missing, patch("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}"))
                .statusCode(400).body("scimType", equalTo("mutability"));
        scim.patch("/Users/" + missing, patch("{\"op\":\"replace\",\"path\":\"userName.given\",\"value\":\"x\"}"))
                .statusCode(400).body("scimType", equalTo("invalidPath"));
        scim.patch("/Groups/" + missing, patch("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}"))
                .statusCode(400);
        scim.patch("/Users/" + missing, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"))
                .statusCode(404);
        scim.patch("/Groups/" + missing, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"u1\\\"]\"}"))
                .statusCode(404);
    }

    /** Issue 14, item 18: a group's members carry their current display name, renames included. */
    @Test
    void i14_18_membersShowTheirCurrentDisplayName() {
        ScimClient scim = ScimClient.newTenant("Member display");
        String user = scim.createUser("disp-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Users/" + user, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada\"}"))
                .statusCode(200);
        String inner = scim.createGroup("Inner " + UUID.randomUUID());
        String outer = scim.createGroup("Outer " + UUID.randomUUID());
        scim.patch("/Groups/" + outer, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user
                + "\"},{\"value\":\"" + inner + "\",\"type\":\"Group\"}]}")).statusCode(204);
        scim.get("/Groups/" + outer).statusCode(200)
                .body("members.find { it.value == '" + user + "' }.display", equalTo("Ada"))
                .body("members.find { it.value == '" + inner + "' }.display", org.hamcrest.Matchers.startsWith("Inner "));
        scim.patch("/Users/" + user, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Ada L.\"}"))
                .statusCode(200);
        scim.get("/Groups/" + outer).statusCode(200)
                .body("members.find { it.value == '" + user + "' }.display", equalTo("Ada L."));
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
