package dev.roster.bulk;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Issue 4, item 9: /Bulk with bulkId references, failOnErrors and limits (RFC 7644 §3.7). */
@QuarkusTest
class BulkTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Bulk");
    }

    @Test
    void createsUserAndGroupLinkedByBulkIdThenPatchesThroughTheReference() {
        String userName = "bulk-" + UUID.randomUUID() + "@contoso.com";
        var answer = scim.post("/Bulk", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                 "Operations": [
                   {"method": "POST", "path": "/Users", "bulkId": "alice",
                    "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}},
                   {"method": "POST", "path": "/Groups", "bulkId": "team",
                    "data": {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Bulk %s",
                             "members": [{"value": "bulkId:alice"}]}},
                   {"method": "PATCH", "path": "/Users/bulkId:alice",
                    "data": {"Operations": [{"op": "Replace", "path": "title", "value": "Lead"}]}}
                 ]}""".formatted(userName, UUID.randomUUID())).statusCode(200).contentType("application/scim+json")
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse"))
                .body("Operations", hasSize(3))
                .body("Operations[0].status", equalTo("201"))
                .body("Operations[0].bulkId", equalTo("alice"))
                .body("Operations[0].location", startsWith("http://localhost:8080" + scim.base + "/Users/"))
                .body("Operations[1].status", equalTo("201"))
                .body("Operations[2].status", equalTo("200"))
                .extract().jsonPath();
        String userLocation = answer.getString("Operations[0].location");
        String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
        String groupLocation = answer.getString("Operations[1].location");
        String groupId = groupLocation.substring(groupLocation.lastIndexOf('/') + 1);
        scim.get("/Users/" + userId).statusCode(200).body("title", equalTo("Lead")).body("groups[0].value",
                equalTo(groupId));
    }

    @Test
    void reportsFailuresInTheirSlotsAndStopsAtFailOnErrors() {
        String taken = "dup-" + UUID.randomUUID() + "@contoso.com";
        scim.createUser(taken);
        String user = "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"%s\"}";
        scim.post("/Bulk", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "failOnErrors": 1,
                 "Operations": [
                   {"method": "POST", "path": "/Users", "bulkId": "a", "data": %s},
                   {"method": "POST", "path": "/Users", "bulkId": "b", "data": %s},
                   {"method": "POST", "path": "/Users", "bulkId": "c", "data": %s}
                 ]}""".formatted(user.formatted("ok-" + UUID.randomUUID()), user.formatted(taken),
                        user.formatted("never-" + UUID.randomUUID()))).statusCode(200)
                .body("Operations", hasSize(2))
                .body("Operations[0].status", equalTo("201"))
                .body("Operations[1].status", equalTo("409"))
                .body("Operations[1].response.scimType", equalTo("uniqueness"));
    }

    @Test
    void unresolvableReferencesAndBadRequestsAreScimErrors() {
        scim.post("/Bulk", """
                {"Operations": [{"method": "PATCH", "path": "/Users/bulkId:ghost",
                  "data": {"Operations": [{"op": "replace", "path": "title", "value": "x"}]}}]}""")
                .statusCode(200).body("Operations[0].status", equalTo("400"))
                .body("Operations[0].response.detail", containsString("bulkId:ghost"));
        scim.post("/Bulk", "{\"Operations\": []}").statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim.post("/Bulk", "{\"Operations\": [{\"method\": \"GET\", \"path\": \"/Users\"}]}").statusCode(400);
        StringBuilder many = new StringBuilder("{\"Operations\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"method\": \"DELETE\", \"path\": \"/Users/x\"}");
        }
        scim.post("/Bulk", many.append("]}").toString()).statusCode(413).contentType("application/scim+json");
    }
}
