package dev.roster.auth;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Issue 10, item 5: deleting or suspending a tenant bites at once on the pod that served the change, although its
 * credentials were just cached by a successful request (other pods follow within the credential cache TTL).
 */
@QuarkusTest
class TenantChangesTest {

    @Test
    void i10_5_aDeletedTenantsCachedTokenIsRefusedAtOnce() {
        ScimClient scim = ScimClient.newTenant("Deleted at once");
        scim.get("/Users").statusCode(200);
        Api.admin().delete("/admin/v1/tenants/" + scim.tenantId).then().statusCode(204);
        scim.get("/Users").statusCode(401);
        scim.post("/Users", ScimClient.entraUser("after-delete@contoso.com", "x")).statusCode(401);
        scim.request().get("/scim/v2/Users").then().statusCode(401);
    }

    @Test
    void i10_5_suspensionAndItsLiftingBiteAtOnce() {
        ScimClient scim = ScimClient.newTenant("Suspended at once");
        scim.get("/Users").statusCode(200);
        Api.admin().body(Map.of("suspended", true)).patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        scim.get("/Users").statusCode(403);
        Api.admin().body(Map.of("suspended", false)).patch("/admin/v1/tenants/" + scim.tenantId).then().statusCode(200);
        scim.get("/Users").statusCode(200);
    }
}
