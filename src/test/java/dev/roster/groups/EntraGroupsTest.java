package dev.roster.groups;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** One test per request shape and quirk of docs/entra.md that concerns /Groups, named after it. */
@QuarkusTest
class EntraGroupsTest {

    private static final String SCIM = "application/scim+json";
    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Entra groups");
    }

    private static String name(String prefix) {
        return prefix + "-(" + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    private static String members(String... ids) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"$ref\":null,\"value\":\"").append(ids[i]).append("\"}");
        }
        return out.append("]").toString();
    }

    @Test
    void r02_groupProbeAnswersEmptyList() {
        scim.request().queryParam("excludedAttributes", "members")
                .queryParam("filter", "displayName eq \"" + UUID.randomUUID() + "\"").get(scim.base + "/Groups")
                .then().statusCode(200).contentType(SCIM).body("totalResults", equalTo(0));
    }

    @Test
    void r30_findsGroupByDisplayNameWithParenthesesWithoutMembers() {
        String displayName = name("LACreateGroup");
        String id = scim.createGroup(displayName);
        String user = scim.createUser("m-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(user) + "}"))
                .statusCode(204);
        scim.request().queryParam("excludedAttributes", "members")
                .queryParam("filter", "displayName eq \"" + displayName + "\"").get(scim.base + "/Groups")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("Resources[0]", not(hasKey("members")));
    }

    @Test
    void r31_createsGroupWithEmptyMembersIgnoringClientJunk_andRefusesDuplicateNames() {
        String displayName = name("Sales");
        scim.post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "8aa1a0c0", "displayName": "%s", "members": [], "id": "client-chosen"}
                """.formatted(displayName)).statusCode(201).contentType(SCIM)
                .body("displayName", equalTo(displayName))
                .body("externalId", equalTo("8aa1a0c0"))
                .body("members", hasSize(0))
                .body("id", not(equalTo("client-chosen")))
                .body("meta.resourceType", equalTo("Group"));
        scim.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
                + displayName.toUpperCase() + "\"}").statusCode(409).body("scimType", equalTo("uniqueness"))
                .body("detail", containsString("already exists"));
    }

    @Test
    void r32_getWithoutMembers() {
        String id = scim.createGroup(name("NoMembers"));
        scim.request().queryParam("excludedAttributes", "members").get(scim.base + "/Groups/" + id).then()
                .statusCode(200).body("$", not(hasKey("members"))).body("id", equalTo(id));
    }

    @Test
    void r33_replacesDisplayNameAnswering204() {
        String id = scim.createGroup(name("Old"));
        String renamed = name("New");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}"))
                .statusCode(204).body(emptyString());
        scim.get("/Groups/" + id).body("displayName", equalTo(renamed));
    }

    @Test
    void r34_r35_addsManyMembersAndRemovesOnlyThoseListed_Q4() {
        String id = scim.createGroup(name("Team"));
        String a = scim.createUser("a-" + UUID.randomUUID() + "@contoso.com");
        String b = scim.createUser("b-" + UUID.randomUUID() + "@contoso.com");
        String c = scim.createUser("c-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(a, b, c) + "}"))
                .statusCode(204);
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(a, b, c));
        scim.patch("/Groups/" + id, patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a
                + "\"}]}")).statusCode(204);
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(b, c));
        scim.patch("/Groups/" + id, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + b + "\\\"]\"}"))
                .statusCode(204);
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(c));
        scim.get("/Users/" + c).body("groups.value", hasItem(id));
    }

    @Test
    void r36_deletesGroupAndItsMemberships() {
        String id = scim.createGroup(name("Gone"));
        String user = scim.createUser("g-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(user) + "}"))
                .statusCode(204);
        scim.delete("/Groups/" + id).statusCode(204);
        scim.get("/Groups/" + id).statusCode(404);
        scim.get("/Users/" + user).statusCode(200).body("$", not(hasKey("groups")));
    }

    @Test
    void unknownMemberIdsAreNamedAndNothingIsApplied() {
        String id = scim.createGroup(name("Strict"));
        String real = scim.createUser("r-" + UUID.randomUUID() + "@contoso.com");
        String ghost = UUID.randomUUID().toString();
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(real, ghost)
                + "}")).statusCode(400).contentType(SCIM).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(ghost));
        scim.get("/Groups/" + id).body("members", hasSize(0));
    }

    @Test
    void groupsMayContainGroupsAndDeletedUsersLeaveTheirGroups() {
        String parent = scim.createGroup(name("Parent"));
        String child = scim.createGroup(name("Child"));
        String user = scim.createUser("n-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + parent, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + child
                + "\",\"type\":\"Group\"},{\"value\":\"" + user + "\"}]}")).statusCode(204);
        scim.get("/Groups/" + parent).body("members.find { it.value == '" + child + "' }.type", equalTo("Group"))
                .body("members.find { it.value == '" + user + "' }.type", equalTo("User"));
        scim.delete("/Users/" + user).statusCode(204);
        scim.get("/Groups/" + parent).body("members.value", containsInAnyOrder(child));
        scim.patch("/Groups/" + parent, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(parent) + "}"))
                .statusCode(400);
    }

    @Test
    void membersOfAnotherTenantAreUnknown() {
        String id = scim.createGroup(name("Isolated"));
        ScimClient other = ScimClient.newTenant("Other");
        String foreignUser = other.createUser("f-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(foreignUser) + "}"))
                .statusCode(400).body("detail", containsString(foreignUser));
    }

    @Test
    void i12_1_aPatchRenamingToATakenDisplayNameIsAUniquenessConflictAndChangesNothing() {
        String taken = name("Taken");
        scim.createGroup(taken);
        String id = scim.createGroup(name("Mine"));
        String user = scim.createUser("t-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\""
                + taken.toLowerCase() + "\"},{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(user) + "}"))
                .statusCode(409).contentType(SCIM).body("scimType", equalTo("uniqueness"))
                .body("detail", containsString("already exists"));
        scim.get("/Groups/" + id).body("members", hasSize(0)).body("meta.version", equalTo("W/\"1\""));
    }

    @Test
    void i12_1_replacingOrRemovingAllMembersEmptiesTheGroupFirst() {
        String id = scim.createGroup(name("Replaced"));
        String a = scim.createUser("ra-" + UUID.randomUUID() + "@contoso.com");
        String b = scim.createUser("rb-" + UUID.randomUUID() + "@contoso.com");
        String c = scim.createUser("rc-" + UUID.randomUUID() + "@contoso.com");
        scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(a, b) + "}"))
                .statusCode(204);
        scim.patch("/Groups/" + id, patch("{\"op\":\"Replace\",\"path\":\"members\",\"value\":" + members(b, c)
                + "}")).statusCode(204);
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(b, c));
        // An unknown member leaves the group as it was: the emptying is undone with the rest.
        scim.patch("/Groups/" + id, patch("{\"op\":\"Replace\",\"path\":\"members\",\"value\":"
                + members(a, UUID.randomUUID().toString()) + "}")).statusCode(400);
        scim.get("/Groups/" + id).body("members.value", containsInAnyOrder(b, c));
        scim.patch("/Groups/" + id, patch("{\"op\":\"Remove\",\"path\":\"members\"}")).statusCode(204);
        scim.get("/Groups/" + id).body("members", hasSize(0)).body("meta.version", equalTo("W/\"4\""));
    }

    @Test
    void i12_1_addingMembersAlreadyThereChangesNeitherVersionNorLastModified() {
        String id = scim.createGroup(name("Stable"));
        String a = scim.createUser("sa-" + UUID.randomUUID() + "@contoso.com");
        String add = patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(a) + "}");
        String etag = scim.patch("/Groups/" + id, add).statusCode(204).extract().header("ETag");
        String modified = scim.get("/Groups/" + id).extract().path("meta.lastModified");
        scim.patch("/Groups/" + id, add).statusCode(204).header("ETag", equalTo(etag));
        scim.patch("/Groups/" + id, patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":"
                + members(UUID.randomUUID().toString()) + "}")).statusCode(204).header("ETag", equalTo(etag));
        scim.get("/Groups/" + id).body("meta.lastModified", equalTo(modified)).body("members.value", hasItem(a));
    }
}
