package dev.roster.admin;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 15, item 1: the host's read API over what Entra provisioned. */
@QuarkusTest
class ReadApiTest {

    private ScimClient scim;
    private String users;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Read API");
        users = "/admin/v1/tenants/" + scim.tenantId + "/users";
    }

    /** Every page of a listing, following nextCursor. */
    private static List<Map<String, Object>> all(String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonPath page = Api.admin().get(path + separator + "limit=2" + (cursor == null ? "" : "&after=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    private static List<String> userNames(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) ((Map<?, ?>) item.get("resource")).get("userName")).toList();
    }

    @Test
    void i15_1_usersArePagedByCursorInCreationOrderAndByUserName() {
        List<String> created = new ArrayList<>();
        for (String name : List.of("dora", "alan", "eve", "carl", "bea")) {
            String userName = name + "-" + UUID.randomUUID() + "@contoso.com";
            scim.createUser(userName);
            created.add(userName);
        }
        assertEquals(created, userNames(all(users)), "creation order, every user once across pages");
        List<String> byName = new ArrayList<>(created);
        byName.sort(Comparator.comparing(String::toLowerCase));
        assertEquals(byName, userNames(all(users + "?sortBy=userName")));
        assertEquals(List.of(created.get(1)), userNames(all(users + "?filter=userName sw \"alan\"")));
        assertEquals(5, all(users + "?sortBy=updatedAt").size());
    }

    @Test
    void i15_1_oneUserShowsItsGroupsAndAdminMetadata() {
        String id = scim.createUser("meta-" + UUID.randomUUID() + "@contoso.com");
        String group = scim.createGroup("Readers " + UUID.randomUUID());
        scim.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id
                + "\"}]}")).statusCode(204);
        Api.admin().get(users + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("createdAt", notNullValue()).body("updatedAt", notNullValue())
                .body("deactivatedAt", nullValue())
                .body("resource.groups[0].value", equalTo(group))
                .body("resource.meta.location", containsString("/scim/v2/" + scim.tenantId + "/Users/" + id));
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).statusCode(200);
        Api.admin().get(users + "/" + id).then().statusCode(200).body("deactivatedAt", notNullValue())
                .body("resource.active", equalTo(false));
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}")).statusCode(200);
        Api.admin().get(users + "/" + id).then().body("deactivatedAt", nullValue());
    }

    @Test
    void i15_1_retainedDeletedUsersAreTombstones() {
        Api.admin().body(Map.of("userDeletion", "soft")).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(200);
        String kept = scim.createUser("kept-" + UUID.randomUUID() + "@contoso.com");
        String gone = scim.createUser("gone-" + UUID.randomUUID() + "@contoso.com");
        scim.delete("/Users/" + gone).statusCode(204);
        Api.admin().get(users).then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(kept));
        Api.admin().get(users + "?deleted=true").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(gone)).body("items[0].deletedAt", notNullValue());
        Api.admin().get(users + "/" + gone).then().statusCode(200).body("deletedAt", notNullValue());
    }

    @Test
    void i15_1_aGroupsMembersArePagedAndCounted() {
        String group = scim.createGroup("Big " + UUID.randomUUID());
        List<String> members = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            String id = scim.createUser("member-" + i + "-" + UUID.randomUUID() + "@contoso.com");
            members.add(id);
            values.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        scim.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values + "]}"))
                .statusCode(204);
        String groups = "/admin/v1/tenants/" + scim.tenantId + "/groups";
        Api.admin().get(groups + "/" + group).then().statusCode(200).body("memberCount", equalTo(7))
                .body("resource.members", nullValue());
        List<Map<String, Object>> paged = all(groups + "/" + group + "/members");
        List<String> expected = new ArrayList<>(members);
        expected.sort(null);
        assertEquals(expected, paged.stream().map(m -> (String) m.get("id")).toList(), "id order, each member once");
        assertEquals("User", paged.get(0).get("type"));
        assertEquals(1, all(groups + "?filter=displayName eq \"" + Api.admin().get(groups + "/" + group).then()
                .extract().path("resource.displayName") + "\"").size());
        Api.admin().get(groups + "/" + UUID.randomUUID() + "/members").then().statusCode(404);
    }

    @Test
    void i15_1_badQueriesAreProblemsAndTenantsStayApart() {
        Api.admin().get(users + "?filter=userName eq").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'filter'"));
        Api.admin().get(users + "?filter=userName zz \"x\"").then().statusCode(400);
        Api.admin().get(users + "?sortBy=title").then().statusCode(400)
                .body("detail", containsString("createdAt, userName, updatedAt"));
        Api.admin().get(users + "?after=not-a-cursor").then().statusCode(400);
        Api.admin().get(users + "?deleted=maybe").then().statusCode(400);
        Api.admin().get(users + "?limit=501").then().statusCode(400);
        String id = scim.createUser("mine-" + UUID.randomUUID() + "@contoso.com");
        ScimClient other = ScimClient.newTenant("Other reader");
        Api.admin().get("/admin/v1/tenants/" + other.tenantId + "/users/" + id).then().statusCode(404);
        Api.admin().get("/admin/v1/tenants/" + other.tenantId + "/users").then().body("items", hasSize(0));
        Api.admin().get("/admin/v1/tenants/" + UUID.randomUUID() + "/users").then().statusCode(404);
    }
}
