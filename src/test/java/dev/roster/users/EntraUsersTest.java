package dev.roster.users;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** One test per request shape and quirk of docs/entra.md that concerns /Users, named after it. */
@QuarkusTest
class EntraUsersTest {

    private static final String SCIM = "application/scim+json";
    private ScimClient scim;

    @BeforeEach
    void tenant() {
        scim = ScimClient.newTenant("Entra users");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
    }

    @Test
    void r01_testConnectionFilterOnRandomGuidAnswersEmptyList() {
        scim.request().queryParam("filter", "userName eq \"" + UUID.randomUUID() + "\"").get(scim.base + "/Users")
                .then().statusCode(200).contentType(SCIM)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(0))
                .body("Resources", hasSize(0));
    }

    @Test
    void r10_matchesByUserNameCaseInsensitivelyExternalIdAndWorkEmail_includingInactiveUsers() {
        String userName = unique("Match.Me");
        String id = scim.createUser(userName);
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))
                .statusCode(200);
        scim.request().queryParam("filter", "userName eq \"" + userName.toUpperCase() + "\"").get(scim.base + "/Users")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("Resources[0].active", equalTo(false));
        String externalId = scim.get("/Users/" + id).extract().path("externalId");
        scim.request().queryParam("filter", "externalId eq \"" + externalId + "\"").get(scim.base + "/Users")
                .then().body("totalResults", equalTo(1));
        scim.request().queryParam("filter", "emails[type eq \"work\"].value eq \"" + userName + "\"")
                .get(scim.base + "/Users").then().body("totalResults", equalTo(1));
    }

    @Test
    void r11_createsUserWithEnterpriseExtensionAndRefusesDuplicates() {
        String userName = unique("new");
        scim.post("/Users", ScimClient.entraUser(userName, "ext-1")).statusCode(201).contentType(SCIM)
                .header("Location", containsString("/Users/"))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("userName", equalTo(userName))
                .body("active", equalTo(true))
                .body("emails[0].value", equalTo(userName))
                .body("name.givenName", equalTo("Test"))
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department", equalTo("Sales"))
                .body("meta.resourceType", equalTo("User"))
                .body("meta.location", containsString(scim.base + "/Users/"))
                .body("meta.created", notNullValue())
                .body("meta.version", notNullValue());
        scim.post("/Users", ScimClient.entraUser(userName.toUpperCase(), "ext-2")).statusCode(409).contentType(SCIM)
                .body("scimType", equalTo("uniqueness"))
                .body("detail", containsString("userName"));
    }

    @Test
    void r11_missingUserNameIs400() {
        scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"active\":true}")
                .statusCode(400).contentType(SCIM).body("detail", containsString("userName"));
        scim.post("/Users", "{not json").statusCode(400).body("scimType", equalTo("invalidSyntax"));
    }

    @Test
    void r12_getsById_and404sForUnknownOrMalformedIds() {
        String id = scim.createUser(unique("get"));
        scim.get("/Users/" + id).statusCode(200).body("id", equalTo(id));
        scim.get("/Users/" + UUID.randomUUID()).statusCode(404).contentType(SCIM).body("status", equalTo("404"));
        scim.get("/Users/not-a-uuid").statusCode(404);
    }

    @Test
    void r13_replacesUserName() {
        String id = scim.createUser(unique("old"));
        String renamed = unique("renamed");
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + renamed + "\"}"))
                .statusCode(200).body("userName", equalTo(renamed));
    }

    @Test
    void r14_replacesFilteredAndSubAttributePathsAndAddsExtensionByUrnPath_Q8() {
        String id = scim.createUser(unique("paths"));
        scim.patch("/Users/" + id, patch("""
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"new@contoso.com"},
                {"op":"Replace","path":"name.familyName","value":"Renamed"},
                {"op":"Replace","path":"addresses[type eq \\"work\\"].formatted","value":"1 Main St"},
                {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Ops"}
                """)).statusCode(200)
                .body("emails.find { it.type == 'work' }.value", equalTo("new@contoso.com"))
                .body("name.familyName", equalTo("Renamed"))
                .body("addresses.find { it.type == 'work' }.formatted", equalTo("1 Main St"))
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department", equalTo("Ops"));
    }

    @Test
    void r15_setsManagerInEveryEntraShapeAndReadsItBackAsValue_Q10() {
        String manager = scim.createUser(unique("manager"));
        String other = scim.createUser(unique("manager2"));
        String id = scim.createUser(unique("report"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\""
                + manager + "\"}]}")).statusCode(200);
        scim.get("/Users/" + id).body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.manager.value",
                equalTo(manager));
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:"
                + "enterprise:2.0:User:manager\",\"value\":\"" + other + "\"}")).statusCode(200)
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.manager.value", equalTo(other));
        scim.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"manager[value eq \\\"" + other + "\\\"]\"}"))
                .statusCode(200);
        scim.get("/Users/" + id).body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'",
                not(hasKey("manager")));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"manager\",\"value\":\"" + manager + "\"}"))
                .statusCode(200);
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"manager\",\"value\":\"\"}"))
                .statusCode(200);
        scim.get("/Users/" + id).body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'",
                not(hasKey("manager")));
    }

    @Test
    void r16_r17_disablesAndReenablesWithStringsOrBooleans_Q2() {
        String id = scim.createUser(unique("toggle"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"))
                .statusCode(200).body("active", equalTo(false));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"))
                .statusCode(200).body("active", equalTo(true));
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
                .statusCode(200).body("active", equalTo(false));
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":true}}"))
                .statusCode(200).body("active", equalTo(true));
    }

    @Test
    void r18_pathlessReplaceWithDottedAndUrnKeys_Q5() {
        String id = scim.createUser(unique("pathless"));
        scim.patch("/Users/" + id, patch("""
                {"op":"replace","value":{"displayName":"New Name","name.givenName":"Newgiven",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"7"}}""")).statusCode(200)
                .body("displayName", equalTo("New Name"))
                .body("name.givenName", equalTo("Newgiven"))
                .body("name.familyName", equalTo("User"))
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.employeeNumber", equalTo("7"));
    }

    @Test
    void r19_clearsWithEmptyStringOrNullAndRemovesWithValue_Q9() {
        String id = scim.createUser(unique("clear"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"\"}"))
                .statusCode(200);
        scim.get("/Users/" + id).body("$", not(hasKey("displayName")));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":null}"))
                .statusCode(200);
        scim.get("/Users/" + id).body("name", not(hasKey("givenName")));
        String email = scim.get("/Users/" + id).extract().path("emails[0].value");
        scim.patch("/Users/" + id, patch("{\"op\":\"Remove\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"" + email + "\"}")).statusCode(200);
        scim.get("/Users/" + id).body("emails", nullValue());
    }

    @Test
    void r20_rolesAsJsonEncodedString_Q7() {
        String id = scim.createUser(unique("roles"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"roles\",\"value\":"
                + "\"[{\\\"value\\\":\\\"admin\\\",\\\"primary\\\":true}]\"}")).statusCode(200)
                .body("roles[0].value", equalTo("admin"));
    }

    @Test
    void r21_deletesAndThen404s() {
        String id = scim.createUser(unique("delete"));
        scim.delete("/Users/" + id).statusCode(204);
        scim.get("/Users/" + id).statusCode(404);
        scim.delete("/Users/" + id).statusCode(404);
    }

    @Test
    void r22_pagesWithStartIndexAndCount() {
        for (int i = 0; i < 7; i++) {
            scim.createUser(unique("page" + i));
        }
        scim.request().queryParam("startIndex", 1).queryParam("count", 5).get(scim.base + "/Users").then()
                .statusCode(200).body("totalResults", equalTo(7)).body("itemsPerPage", equalTo(5))
                .body("startIndex", equalTo(1)).body("Resources", hasSize(5));
        scim.request().queryParam("startIndex", 6).queryParam("count", 5).get(scim.base + "/Users").then()
                .body("itemsPerPage", equalTo(2)).body("startIndex", equalTo(6));
        scim.request().queryParam("count", 0).get(scim.base + "/Users").then()
                .body("totalResults", equalTo(7)).body("Resources", hasSize(0));
    }

    @Test
    void r23_legacyIdAndManagerFilterWithAttributes() {
        String manager = scim.createUser(unique("boss"));
        String id = scim.createUser(unique("worker"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:"
                + "enterprise:2.0:User:manager\",\"value\":\"" + manager + "\"}")).statusCode(200);
        scim.request().queryParam("filter", "id eq \"" + id + "\" and manager eq \"" + manager + "\"")
                .queryParam("attributes", "id").get(scim.base + "/Users").then().statusCode(200)
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(id))
                .body("Resources[0]", not(hasKey("userName")));
        scim.request().queryParam("filter", "id eq \"not-a-uuid\"").get(scim.base + "/Users").then()
                .statusCode(200).body("totalResults", equalTo(0));
    }

    @Test
    void q1_opNamesAreCaseInsensitive() {
        String id = scim.createUser(unique("ops"));
        for (String op : new String[]{"Replace", "REPLACE", "replace"}) {
            scim.patch("/Users/" + id, patch("{\"op\":\"" + op + "\",\"path\":\"title\",\"value\":\"" + op + "\"}"))
                    .statusCode(200).body("title", equalTo(op));
        }
    }

    @Test
    void q3_addOnSingleValuedAttributeReplaces() {
        String id = scim.createUser(unique("add"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"title\",\"value\":\"A\"}")).statusCode(200);
        scim.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"title\",\"value\":\"B\"}")).statusCode(200)
                .body("title", equalTo("B"));
    }

    @Test
    void q11_q12_extensionWithoutSchemaUrnAndClientJunkAreAccepted() {
        String userName = unique("junk");
        scim.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "USERNAME": "%s", "Active": "True", "id": "chosen-by-client",
                 "meta": {"resourceType": "User", "created": "2001-01-01T00:00:00Z"},
                 "password": "P@ssw0rd!", "unknownThing": 5,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "R&D"},
                 "urn:ietf:params:scim:schemas:extension:blink:2.0:User": {"company": "Blink"}}
                """.formatted(userName)).statusCode(201)
                .body("userName", equalTo(userName))
                .body("active", equalTo(true))
                .body("id", not(equalTo("chosen-by-client")))
                .body("$", not(hasKey("password")))
                .body("schemas", hasItem("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department", equalTo("R&D"))
                .body("'urn:ietf:params:scim:schemas:extension:blink:2.0:User'.company", equalTo("Blink"));
    }

    @Test
    void q13_plusAsSpaceAndExcludedAttributes() {
        String userName = unique("plus");
        String id = scim.createUser(userName);
        scim.request().urlEncodingEnabled(false).get(scim.base + "/Users?filter=userName+eq+%22" + userName
                        .replace("@", "%40") + "%22&excludedAttributes=emails")
                .then().statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("Resources[0]", not(hasKey("emails")));
    }

    @Test
    void q14_lenientUnquotedFilterValue() {
        String userName = unique("lenient");
        scim.createUser(userName);
        scim.request().queryParam("filter", "userName eq " + userName).get(scim.base + "/Users").then()
                .statusCode(200).body("totalResults", equalTo(1));
    }

    @Test
    void q17_legacyDotFormForExtensionAttributes() {
        String id = scim.createUser(unique("dot"));
        scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:"
                + "enterprise:2.0:User.department\",\"value\":\"Legal\"}")).statusCode(200)
                .body("'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'.department", equalTo("Legal"));
    }

    @Test
    void malformedFiltersAndPatchesAreScimErrors() {
        scim.request().queryParam("filter", "userName eq").get(scim.base + "/Users").then().statusCode(400)
                .contentType(SCIM).body("scimType", equalTo("invalidFilter")).body("detail", containsString("column"));
        String id = scim.createUser(unique("bad-patch"));
        scim.patch("/Users/" + id, "{\"Operations\": \"nope\"}").statusCode(400).contentType(SCIM);
        scim.patch("/Users/" + id, patch("{\"op\":\"jump\",\"path\":\"title\",\"value\":\"x\"}")).statusCode(400);
        scim.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"userName\"}")).statusCode(400);
        scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}"))
                .statusCode(400).body("scimType", equalTo("invalidValue"));
        scim.get("/Users/" + id).body("active", equalTo(true));
    }

    @Test
    void etagsGuardConcurrentWrites() {
        String id = scim.createUser(unique("etag"));
        String etag = scim.get("/Users/" + id).statusCode(200).extract().header("ETag");
        scim.request().header("If-None-Match", etag).get(scim.base + "/Users/" + id).then().statusCode(304);
        scim.request().header("If-Match", "W/\"999\"").body(patch("{\"op\":\"replace\",\"path\":\"title\","
                + "\"value\":\"x\"}")).patch(scim.base + "/Users/" + id).then().statusCode(412).contentType(SCIM);
        scim.request().header("If-Match", etag).body(patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"))
                .patch(scim.base + "/Users/" + id).then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void putReplacesTheDocumentButKeepsIdAndCreated() {
        String userName = unique("put");
        String id = scim.createUser(userName);
        String created = scim.get("/Users/" + id).extract().path("meta.created");
        scim.request().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "ignored",
                 "userName": "%s", "title": "Only this"}""".formatted(userName))
                .put(scim.base + "/Users/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("title", equalTo("Only this")).body("$", not(hasKey("emails")))
                .body("meta.created", equalTo(created));
        scim.request().body("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"]}")
                .put(scim.base + "/Users/" + id).then().statusCode(400);
    }

    @Test
    void searchThroughPostDotSearch() {
        String userName = unique("search");
        scim.createUser(userName);
        scim.post("/Users/.search", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter": "userName eq \\"%s\\"", "attributes": ["userName"], "count": 10}""".formatted(userName))
                .statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].userName", equalTo(userName))
                .body("Resources[0]", not(hasKey("emails")));
    }

    @Test
    void usersOfOneTenantAreInvisibleToAnother() {
        String userName = unique("private");
        String id = scim.createUser(userName);
        ScimClient other = ScimClient.newTenant("Other");
        other.get("/Users/" + id).statusCode(404);
        other.request().queryParam("filter", "userName eq \"" + userName + "\"").get(other.base + "/Users").then()
                .body("totalResults", equalTo(0));
        other.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}")).statusCode(404);
        other.delete("/Users/" + id).statusCode(404);
        scim.get("/Users/" + id).statusCode(200);
    }

    @Test
    void r05_oauthAccessTokenFromClientCredentialsProvisionsUsers() {
        var client = dev.roster.support.Api.admin().body("{\"description\": \"Entra gallery\"}")
                .post("/admin/v1/tenants/" + scim.tenantId + "/oauth-clients").then().statusCode(201).extract();
        String accessToken = io.restassured.RestAssured.given()
                .auth().preemptive().basic(client.path("clientId"), client.path("secrets[0].secret"))
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + accessToken)
                .contentType("application/scim+json").body(ScimClient.entraUser(unique("oauth"), "ext-oauth"))
                .post(scim.base + "/Users").then().statusCode(201);
    }

    @Test
    void q15_noUserAgentAndQ16_unknownQueryParameterOnTheTenantUrl() {
        String userName = unique("q16");
        scim.createUser(userName);
        scim.request().header("User-Agent", "").queryParam("aadOptscim062020", "")
                .queryParam("filter", "userName eq \"" + userName + "\"").get(scim.base + "/Users").then()
                .statusCode(200).body("totalResults", equalTo(1));
    }

    @Test
    void rootSearchCoversUsersThenGroups() {
        String userName = unique("root");
        String userId = scim.createUser(userName);
        String groupId = scim.createGroup("Root search " + UUID.randomUUID());
        scim.post("/.search", "{\"filter\": \"userName eq \\\"" + userName + "\\\"\"}").statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(userId));
        scim.post("/.search", "{\"count\": 1, \"startIndex\": 2}").statusCode(200)
                .body("totalResults", equalTo(2)).body("Resources[0].id", equalTo(groupId));
        scim.post("/.search", "{\"sortBy\": \"userName\"}").statusCode(400);
    }
}
