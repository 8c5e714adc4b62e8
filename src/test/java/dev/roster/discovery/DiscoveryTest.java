package dev.roster.discovery;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.roster.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Entra's Schema Discovery and the gallery checklist's ResourceTypes checks. */
@QuarkusTest
class DiscoveryTest {

    static final String BLINK = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";
    static final String BLINK_SCHEMA = """
            {"id": "%s", "name": "BlinkUser", "description": "Blink profile", "resourceType": "User",
             "attributes": [
               {"name": "company", "type": "string"},
               {"name": "description", "type": "string"},
               {"name": "location", "type": "string"}]}""".formatted(BLINK);

    private String tenant;
    private String token;

    @BeforeEach
    void tenantWithToken() {
        tenant = Api.createTenant("Discovery");
        token = Api.createToken(tenant);
    }

    @Test
    void schemasListCoreEnterpriseAndGroupWithCanonicalTypes_R03() {
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Schemas").then().statusCode(200)
                .contentType(Api.SCIM_JSON)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("Resources.id", hasItems("urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:core:2.0:Group",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
                .body("Resources.find { it.id == 'urn:ietf:params:scim:schemas:core:2.0:User' }"
                        + ".attributes.find { it.name == 'emails' }.subAttributes.find { it.name == 'type' }"
                        + ".canonicalValues", hasItems("work", "home", "other"))
                .body("Resources.find { it.id == 'urn:ietf:params:scim:schemas:core:2.0:User' }"
                        + ".attributes.find { it.name == 'phoneNumbers' }.subAttributes.find { it.name == 'type' }"
                        + ".canonicalValues", hasItems("work", "mobile", "fax", "home", "other", "pager"))
                .body("Resources.find { it.id == 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' }"
                        + ".attributes.find { it.name == 'manager' }.subAttributes.name", hasItem("value"))
                .body("Resources.find { it.id == 'urn:ietf:params:scim:schemas:core:2.0:User' }"
                        + ".attributes.find { it.name == 'userName' }.mutability", equalTo("readWrite"))
                .body(not(containsString("null")));
    }

    @Test
    void resourceTypesStartWithUsers_R04() {
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ResourceTypes").then().statusCode(200)
                .body("Resources[0].endpoint", equalTo("/Users"))
                .body("Resources[0].schemaExtensions.schema",
                        hasItem("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
                .body("Resources.name", hasItems("User", "Group"));
        Api.scim(token).get("/scim/v2/ResourceTypes/Group").then().statusCode(200)
                .body("schema", equalTo("urn:ietf:params:scim:schemas:core:2.0:Group"))
                .body("meta.location", equalTo(Api.PUBLIC_URL + "/scim/v2/ResourceTypes/Group"));
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ResourceTypes/Widget").then().statusCode(404)
                .contentType(Api.SCIM_JSON);
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User")
                .then().statusCode(200).body("name", equalTo("User"));
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Schemas/urn:nope").then().statusCode(404);
    }

    @Test
    void customExtensionAppearsForItsTenantOnly() {
        admin().body(BLINK_SCHEMA).post("/admin/v1/tenants/" + tenant + "/schemas").then().statusCode(201)
                .body("id", equalTo(BLINK)).body("attributes.name", hasItems("company", "description", "location"));
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Schemas").then().statusCode(200)
                .body("Resources.id", hasItem(BLINK));
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ResourceTypes/User").then().statusCode(200)
                .body("schemaExtensions.schema", hasItem(BLINK));

        String other = Api.createTenant("Other");
        String otherToken = Api.createToken(other);
        Api.scim(otherToken).get(Api.tenantUrl(other) + "/Schemas").then().statusCode(200)
                .body("Resources.id", not(hasItem(BLINK)));

        admin().body(BLINK_SCHEMA).post("/admin/v1/tenants/" + tenant + "/schemas").then().statusCode(409);
        admin().get("/admin/v1/tenants/" + tenant + "/schemas").then().statusCode(200).body("items.id", hasItem(BLINK));
        admin().delete("/admin/v1/tenants/" + tenant + "/schemas/" + BLINK).then().statusCode(204);
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Schemas").then().body("Resources.id", not(hasItem(BLINK)));
    }

    @Test
    void malformedCustomSchemasAreRefusedWithProblemDetails() {
        String base = "/admin/v1/tenants/" + tenant + "/schemas";
        admin().body("{\"id\": \"not a urn\", \"attributes\": [{\"name\": \"x\"}]}").post(base).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("URN"));
        admin().body("{\"id\": \"urn:x:y\", \"attributes\": []}").post(base).then().statusCode(400);
        admin().body("{\"id\": \"urn:x:y\", \"attributes\": [{\"name\": \"1bad\"}]}").post(base).then().statusCode(400);
        admin().body("{\"id\": \"urn:x:y\", \"attributes\": [{\"name\": \"a\", \"type\": \"blob\"}]}").post(base)
                .then().statusCode(400).body("detail", containsString("unknown type"));
        admin().body("{\"id\": \"urn:ietf:params:scim:schemas:core:2.0:User\", \"attributes\": [{\"name\": \"a\"}]}")
                .post(base).then().statusCode(400);
        admin().body("{\"id\": \"urn:x:y\", \"resourceType\": \"Device\", \"attributes\": [{\"name\": \"a\"}]}")
                .post(base).then().statusCode(400);
    }
}
