package dev.roster.discovery;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ScimPlumbingTest {

    private String tenant;
    private String token;

    @BeforeEach
    void tenantWithToken() {
        tenant = Api.createTenant("Plumbing");
        token = Api.createToken(tenant);
    }

    @Test
    void serviceProviderConfigStatesRealCapabilities() {
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ServiceProviderConfig").then().statusCode(200)
                .contentType(Api.SCIM_JSON)
                .body("schemas", hasItem("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
                .body("patch.supported", instanceOf(Boolean.class))
                .body("bulk.supported", equalTo(true))
                .body("bulk.maxOperations", equalTo(1000))
                .body("filter.supported", instanceOf(Boolean.class))
                .body("changePassword.supported", equalTo(false))
                .body("sort.supported", instanceOf(Boolean.class))
                .body("etag.supported", instanceOf(Boolean.class))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"))
                .body("authenticationSchemes[0].primary", equalTo(true))
                .body("meta.resourceType", equalTo("ServiceProviderConfig"));
    }

    @Test
    void answersScimJsonWhateverTheClientAccepts() {
        Api.scim(token).accept("application/json").get(Api.tenantUrl(tenant) + "/ServiceProviderConfig")
                .then().statusCode(200).contentType(Api.SCIM_JSON);
    }

    @Test
    void toleratesDoubleAndTrailingSlashesUnknownParametersAndNoUserAgent() {
        // rest-assured would clean up "//" itself, so the raw JDK client sends exactly what Entra sends.
        java.net.http.HttpResponse<String> doubleSlash = Api.rawGet(Api.tenantUrl(tenant) + "//ServiceProviderConfig", token);
        org.junit.jupiter.api.Assertions.assertEquals(200, doubleSlash.statusCode(), doubleSlash.body());
        org.junit.jupiter.api.Assertions.assertTrue(doubleSlash.headers().firstValue("X-Request-Id").isPresent());
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ServiceProviderConfig/").then().statusCode(200);
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ServiceProviderConfig?aadOptscim062020").then().statusCode(200);
        Api.scim(token).header("User-Agent", "").get(Api.tenantUrl(tenant) + "/ServiceProviderConfig")
                .then().statusCode(200);
    }

    @Test
    void unknownRoutesAndMethodsAnswerScimErrors() {
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Widgets").then().statusCode(404)
                .contentType(Api.SCIM_JSON)
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("404"))
                .body("detail", containsString("/Widgets"));
        Api.scim(token).delete(Api.tenantUrl(tenant) + "/ServiceProviderConfig").then().statusCode(405)
                .contentType(Api.SCIM_JSON).body("status", equalTo("405"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.scim(token).header("X-Request-Id", "entra-abc-123").get(Api.tenantUrl(tenant) + "/ServiceProviderConfig")
                .then().header("X-Request-Id", equalTo("entra-abc-123"));
        given().header("X-Request-Id", "bad id\r\nInjected: yes").get("/admin/v1/tenants")
                .then().statusCode(401).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", notNullValue());
    }
}
