package dev.roster.groups;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13, item 5: a tenant's switch for the PATCH rewrites that read meaning RFC 7644 does not give. On (the default)
 * Entra's meaning holds (Q4: a remove with a value list removes only those members); off, a remove carries no value
 * (RFC 7644 §3.5.2.2), so such a request is refused with the RFC form in its detail instead of being guessed at.
 */
@QuarkusTest
class PatchQuirksSwitchTest {

    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Patch quirks");
    }

    private String groupOfThree(String... users) {
        String group = scim.createGroup("quirks-" + UUID.randomUUID());
        scim.patch("/Groups/" + group, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users[0]
                + "\"},{\"value\":\"" + users[1] + "\"},{\"value\":\"" + users[2] + "\"}]}")).statusCode(204);
        return group;
    }

    private String[] threeUsers() {
        return new String[] {scim.createUser(UUID.randomUUID() + "@contoso.com"),
                scim.createUser(UUID.randomUUID() + "@contoso.com"), scim.createUser(UUID.randomUUID() + "@contoso.com")};
    }

    @Test
    void i13_5_quirksAreOnByDefaultAndRemoveOnlyTheListedMembers() {
        Api.admin().get("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200).body("patchQuirks", equalTo(true));
        String[] users = threeUsers();
        String group = groupOfThree(users);
        scim.patch("/Groups/" + group, patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + users[0] + "\"}]}")).statusCode(204);
        scim.get("/Groups/" + group).statusCode(200).body("members.value", containsInAnyOrder(users[1], users[2]));
    }

    @Test
    void i13_5_withQuirksOffARemoveWithAValueIsRefusedAndTheRfcFormWorks() {
        Api.admin().body(Map.of("patchQuirks", false)).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(200).body("patchQuirks", equalTo(false));
        String[] users = threeUsers();
        String group = groupOfThree(users);
        scim.patch("/Groups/" + group, patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                + users[0] + "\"}]}")).statusCode(400).body("scimType", equalTo("invalidSyntax"))
                .body("detail", containsString("members[value eq"));
        scim.get("/Groups/" + group).statusCode(200).body("members.value",
                containsInAnyOrder(users[0], users[1], users[2]));
        scim.patch("/Groups/" + group, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users[0]
                + "\\\"]\"}")).statusCode(204);
        scim.get("/Groups/" + group).statusCode(200).body("members.value", containsInAnyOrder(users[1], users[2]));
    }

    @Test
    void i13_5_rewritesThatKeepRfcMeaningApplyEitherWay() {
        Api.admin().body(Map.of("patchQuirks", false)).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(200);
        String user = scim.createUser(UUID.randomUUID() + "@contoso.com");
        // Q1 and Q2 turn a request RFC 7644 would reject into the one Entra means: always applied.
        scim.patch("/Users/" + user, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))
                .statusCode(200).body("active", equalTo(false));
    }

    @Test
    void i13_5_theSwitchIsABoolean() {
        Api.admin().body(Map.of("patchQuirks", "off")).patch("/admin/v1/tenants/" + scim.tenantId).then()
                .statusCode(400);
    }
}
