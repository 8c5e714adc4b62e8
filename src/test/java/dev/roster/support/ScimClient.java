package dev.roster.support;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A SCIM client for one tenant, as Entra talks: Tenant URL, bearer token, application/scim+json bodies. */
public final class ScimClient {

    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public final String tenantId;
    public final String token;
    public final String base;

    private ScimClient(String tenantId, String token) {
        this.tenantId = tenantId;
        this.token = token;
        this.base = Api.tenantUrl(tenantId);
    }

    /** A fresh tenant with one secret token. */
    /** A client of an existing tenant with a credential obtained elsewhere (a setup page, the console). */
    public static ScimClient of(String tenantId, String token) {
        return new ScimClient(tenantId, token);
    }

    public static ScimClient newTenant(String name) {
        String tenant = Api.createTenant(name);
        return new ScimClient(tenant, Api.createToken(tenant));
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token).contentType("application/scim+json; charset=utf-8");
    }

    public ValidatableResponse post(String path, String body) {
        return request().body(body).post(base + path).then();
    }

    public ValidatableResponse patch(String path, String body) {
        return request().body(body).patch(base + path).then();
    }

    public ValidatableResponse get(String path) {
        return request().get(base + path).then();
    }

    public ValidatableResponse delete(String path) {
        return request().delete(base + path).then();
    }

    /** Creates a user as Entra's R-11 POST does and returns its id. */
    public String createUser(String userName) {
        return post("/Users", entraUser(userName, "ext-" + UUID.randomUUID())).statusCode(201).extract().path("id");
    }

    public String createGroup(String displayName) {
        return post("/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "%s", "displayName": "%s", "members": []}""".formatted(UUID.randomUUID(), displayName))
                .statusCode(201).extract().path("id");
    }

    /** The POST body of R-11, enterprise extension included, custom extension object not listed in schemas. */
    public static String entraUser(String userName, String externalId) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "%s",
                 "userName": "%s",
                 "active": true,
                 "displayName": "Test User",
                 "emails": [{"primary": true, "type": "work", "value": "%s"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "Test User", "familyName": "User", "givenName": "Test"},
                 "roles": [],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Sales",
                                                                                 "employeeNumber": "42"}}
                """.formatted(externalId, userName, userName);
    }

    public static String patch(String operations) {
        return "{\"schemas\": [\"" + PATCH_OP + "\"], \"Operations\": [" + operations + "]}";
    }
}
