package dev.roster.users;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Entra provisioning job end to end, as docs/entra.md describes it: Test Connection, an initial cycle of 50 users
 * and 5 groups (match, create, then managers and memberships), an incremental cycle (updates, disable, re-enable, delete),
 * and the final state checked in full.
 */
@QuarkusTest
class SimulatedEntraJobTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void initialAndIncrementalCyclesLeaveExactlyTheExpectedState() {
        ScimClient scim = ScimClient.newTenant("Entra job");
        String run = UUID.randomUUID().toString().substring(0, 6);

        // Test Connection.
        scim.request().queryParam("filter", "userName eq \"" + UUID.randomUUID() + "\"").get(scim.base + "/Users")
                .then().statusCode(200).body("totalResults", equalTo(0));

        // Initial cycle: match by userName, create when absent.
        List<String> userNames = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            String userName = "user" + i + "." + run + "@contoso.com";
            userNames.add(userName);
            scim.request().queryParam("filter", "userName eq \"" + userName + "\"").get(scim.base + "/Users")
                    .then().statusCode(200).body("totalResults", equalTo(0));
            ids.put(userName, scim.post("/Users", ScimClient.entraUser(userName, "ext-" + i + "-" + run))
                    .statusCode(201).extract().path("id"));
        }
        List<String> groupIds = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            String displayName = "Team " + g + " (" + run + ")";
            scim.request().queryParam("excludedAttributes", "members")
                    .queryParam("filter", "displayName eq \"" + displayName + "\"").get(scim.base + "/Groups")
                    .then().statusCode(200).body("totalResults", equalTo(0));
            groupIds.add(scim.createGroup(displayName));
        }
        // References afterwards: managers and memberships, at most 10 per PATCH.
        for (int i = 1; i < 50; i++) {
            String manager = ids.get(userNames.get((i - 1) / 10 * 10));
            scim.patch("/Users/" + ids.get(userNames.get(i)), patch("{\"op\":\"Add\",\"path\":\"" + ENTERPRISE
                    + ":manager\",\"value\":\"" + manager + "\"}")).statusCode(200);
        }
        Map<String, Set<String>> expectedMembers = new HashMap<>();
        for (int g = 0; g < 5; g++) {
            Set<String> members = new HashSet<>();
            for (int i = g; i < 50; i += 5) {
                members.add(ids.get(userNames.get(i)));
            }
            expectedMembers.put(groupIds.get(g), members);
            List<String> list = new ArrayList<>(members);
            for (int from = 0; from < list.size(); from += 10) {
                StringBuilder value = new StringBuilder("[");
                for (int k = from; k < Math.min(list.size(), from + 10); k++) {
                    value.append(k == from ? "" : ",").append("{\"$ref\":null,\"value\":\"").append(list.get(k)).append("\"}");
                }
                scim.patch("/Groups/" + groupIds.get(g), patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":"
                        + value + "]}")).statusCode(204);
            }
        }

        // Incremental cycle: updates, disable, re-enable, delete, member moves.
        for (int i = 0; i < 5; i++) {
            scim.patch("/Users/" + ids.get(userNames.get(i)), patch("""
                    {"op":"Replace","path":"title","value":"Engineer %d"},
                    {"op":"Replace","value":{"displayName":"Renamed %d","name.familyName":"Family%d"}}"""
                    .formatted(i, i, i))).statusCode(200);
        }
        Set<String> disabled = Set.of(ids.get(userNames.get(10)), ids.get(userNames.get(11)));
        for (String id : disabled) {
            scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))
                    .statusCode(200);
        }
        String reenabled = ids.get(userNames.get(12));
        scim.patch("/Users/" + reenabled, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))
                .statusCode(200);
        scim.patch("/Users/" + reenabled, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"))
                .statusCode(200);
        String deleted = ids.get(userNames.get(49));
        scim.delete("/Users/" + deleted).statusCode(204);
        expectedMembers.values().forEach(members -> members.remove(deleted));
        String moved = ids.get(userNames.get(0));
        scim.patch("/Groups/" + groupIds.get(0), patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + moved + "\"}]}")).statusCode(204);
        scim.patch("/Groups/" + groupIds.get(1), patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + moved + "\"}]}")).statusCode(204);
        expectedMembers.get(groupIds.get(0)).remove(moved);
        expectedMembers.get(groupIds.get(1)).add(moved);

        // Final state, in full.
        scim.request().queryParam("count", 0).get(scim.base + "/Users").then().body("totalResults", equalTo(49));
        for (int i = 0; i < 49; i++) {
            String id = ids.get(userNames.get(i));
            var user = scim.get("/Users/" + id).statusCode(200).extract().jsonPath();
            assertEquals(userNames.get(i), user.getString("userName"));
            assertEquals(!disabled.contains(id), user.getBoolean("active"), "active of " + userNames.get(i));
            if (i < 5) {
                assertEquals("Engineer " + i, user.getString("title"));
                assertEquals("Renamed " + i, user.getString("displayName"));
                assertEquals("Family" + i, user.getString("name.familyName"));
                assertEquals("Test", user.getString("name.givenName"));
            }
            if (i > 0) {
                assertEquals(ids.get(userNames.get((i - 1) / 10 * 10)),
                        user.getString("'" + ENTERPRISE + "'.manager.value"), "manager of " + userNames.get(i));
            }
        }
        scim.get("/Users/" + deleted).statusCode(404);
        for (String groupId : groupIds) {
            List<String> actual = scim.get("/Groups/" + groupId).statusCode(200).extract().jsonPath()
                    .getList("members.value", String.class);
            assertEquals(expectedMembers.get(groupId), new HashSet<>(actual), "members of " + groupId);
            assertEquals(expectedMembers.get(groupId).size(), actual.size());
        }
    }
}
