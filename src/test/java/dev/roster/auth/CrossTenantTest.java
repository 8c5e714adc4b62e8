package dev.roster.auth;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Tenant isolation is absolute: a credential of tenant A never reaches, nor learns anything about, tenant B. */
@QuarkusTest
class CrossTenantTest {

    @Test
    void tokenOfAnotherTenantIsRefusedOnTenantUrlWithoutRevealingIt() {
        String tenantA = Api.createTenant("A");
        String tenantB = Api.createTenant("B");
        String tokenA = Api.createToken(tenantA);

        String body = Api.scim(tokenA).get(Api.tenantUrl(tenantB) + "/ServiceProviderConfig")
                .then().statusCode(401).contentType(Api.SCIM_JSON)
                .body("detail", not(containsString(tenantB)))
                .extract().asString();
        // Identical to the answer for a token that does not exist at all.
        String unknown = Api.scim("rst_" + "B".repeat(43)).get(Api.tenantUrl(tenantB) + "/ServiceProviderConfig")
                .then().statusCode(401).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(unknown, body);
    }

    @Test
    void unknownTenantInUrlIsRefused() {
        String tenantA = Api.createTenant("A2");
        String tokenA = Api.createToken(tenantA);
        Api.scim(tokenA).get("/scim/v2/00000000-0000-7000-8000-000000000000/ServiceProviderConfig").then().statusCode(401);
    }

    @Test
    void singleUrlFormLetsTheCredentialChooseTheTenant() {
        String tenantA = Api.createTenant("Single URL");
        String tokenA = Api.createToken(tenantA);
        Api.scim(tokenA).get("/scim/v2/ServiceProviderConfig").then().statusCode(200)
                .body("meta.location", equalTo(Api.PUBLIC_URL + "/scim/v2/ServiceProviderConfig"));
        Api.scim(tokenA).get(Api.tenantUrl(tenantA) + "/ServiceProviderConfig").then().statusCode(200)
                .body("meta.location", equalTo(Api.PUBLIC_URL + "/scim/v2/" + tenantA + "/ServiceProviderConfig"));
    }

    @Test
    void suspendedTenantIsRefusedWithActionableDetail() {
        String tenant = Api.createTenant("Suspended");
        String token = Api.createToken(tenant);
        Api.admin().body("{\"suspended\": true}").patch("/admin/v1/tenants/" + tenant).then().statusCode(200);
        // Credentials are cached for a few seconds per pod; a fresh token is resolved from the database.
        String fresh = Api.createToken(tenant);
        Api.scim(fresh).get(Api.tenantUrl(tenant) + "/ServiceProviderConfig").then().statusCode(403)
                .contentType(Api.SCIM_JSON).body("detail", containsString("suspended"));
    }
}
