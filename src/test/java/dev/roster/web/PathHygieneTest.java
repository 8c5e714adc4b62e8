package dev.roster.web;

import dev.roster.support.Api;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 1: a path with a {@code .} or {@code ..} segment, raw or percent-encoded, is refused with 400 in its
 * surface's format before routing, and nothing is deleted or read through it. Requests go out byte for byte (Java's
 * client does not resolve dot segments) so the server sees exactly what a careless host app would send.
 */
@QuarkusTest
class PathHygieneTest {

    private static final String[] FORMS = {"..", "%2e%2e", ".%2e", "%2E%2E", "%2e.", ".", "%2e", "%2E", "..;x", ".%2e%3B"};

    private static HttpResponse<String> send(String method, String path, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(HttpResponse<String> response, String contentType) {
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
                () -> response.headers().map().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokens", "oauth-clients", "schemas"})
    void i10_1_adminDeleteThroughADotSegmentIsRefusedAndTheTenantStays(String collection) {
        String tenant = Api.createTenant("Dots " + collection);
        for (String form : FORMS) {
            HttpResponse<String> response = send("DELETE", "/admin/v1/tenants/" + tenant + "/" + collection + "/" + form,
                    Api.ADMIN_KEY);
            assertRefused(response, "application/problem+json");
            assertTrue(response.body().contains("\"status\":400"), response::body);
            Api.admin().get("/admin/v1/tenants/" + tenant).then().statusCode(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "GET", "PUT", "PATCH"})
    void i10_1_scimThroughADotSegmentIsRefusedAndTheUserStays(String method) {
        ScimClient scim = ScimClient.newTenant("Dots SCIM");
        String user = scim.createUser("dots-" + method + "@contoso.com");
        for (String form : FORMS) {
            assertRefused(send(method, scim.base + "/Users/" + user + "/" + form, scim.token), "application/scim+json");
            assertRefused(send(method, "/scim/v2/Users/" + user + "/" + form, scim.token), "application/scim+json");
            assertRefused(send(method, scim.base + "/" + form + "/Users/" + user, scim.token), "application/scim+json");
            scim.get("/Users/" + user).statusCode(200).body("id", equalTo(user));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token/", "/oauth2/"})
    void i10_1_tokenEndpointThroughADotSegmentAnswersAnOAuthError(String prefix) {
        for (String form : FORMS) {
            HttpResponse<String> response = send("POST", prefix + form, null);
            assertRefused(response, "application/json");
            assertTrue(response.body().contains("\"error\":\"invalid_request\""), response::body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "%2e%2e%2e", ".hidden", "a.b", "..a", "%2e%2ex"})
    void i10_1_segmentsThatOnlyContainDotsAreNotDotSegments(String segment) {
        ScimClient scim = ScimClient.newTenant("Not dots");
        // An id that is not a UUID is a plain 404 (or 400 for a malformed id), never the dot-segment refusal.
        HttpResponse<String> response = send("GET", scim.base + "/Users/" + segment, scim.token);
        assertTrue(!response.body().contains("'.' or '..' segment"), response::body);
    }
}
