package dev.roster.admin.openapi;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 9: {@code /q/openapi} describes every admin route (this test fails when one is missing), with the
 * bearer scheme and problem responses on each, and the token endpoint.
 */
@QuarkusTest
class OpenApiTest {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", PATCH.class, "patch", DELETE.class, "delete");

    /** Every "verb path" the admin resources declare, read from their JAX-RS annotations. */
    static List<String> adminRoutes() {
        List<String> routes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.roster.admin")) {
            Class<?> resource = type.reflect();
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                VERBS.forEach((annotation, verb) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = root.value() + (sub == null ? "" : "/" + sub.value());
                        routes.add(verb + " " + path.replaceAll("/+", "/").replaceAll("/$", ""));
                    }
                });
            }
        }
        return routes;
    }

    @Test
    void i15_9_everyAdminRouteIsInTheDocument() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertTrue(document.getString("openapi").startsWith("3.1"), document.getString("openapi"));
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> routes = adminRoutes();
        assertTrue(routes.size() > 30, "the admin resources were read: " + routes);
        TreeSet<String> missing = new TreeSet<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            Map<String, Object> item = paths.get(parts[1]);
            if (item == null || !item.containsKey(parts[0])) {
                missing.add(route);
            }
        }
        assertEquals(new TreeSet<>(), missing, "admin routes missing from /q/openapi");
        assertTrue(paths.containsKey("/oauth2/token"), "the token endpoint is described");
        assertFalse(paths.keySet().stream().anyMatch(path -> path.startsWith("/scim/")),
                "SCIM is RFC 7644's, described by /Schemas, not here");
    }

    @Test
    void i15_9_adminOperationsCarryTheBearerSchemeAndProblemResponses() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals("bearer", document.getString("components.securitySchemes.adminBearer.scheme"));
        assertTrue(document.getMap("components.schemas").containsKey("Problem"));
        Map<String, Object> tenantPatch = document.getMap("paths.'/admin/v1/tenants/{tenantId}'.patch");
        Map<?, ?> responses = (Map<?, ?>) tenantPatch.get("responses");
        for (String status : List.of("400", "401", "403", "404", "409", "429", "503")) {
            assertTrue(responses.containsKey(status), "PATCH tenant documents " + status + ": " + responses.keySet());
        }
        assertTrue(String.valueOf(tenantPatch.get("security")).contains("adminBearer"));
        assertTrue(String.valueOf(document.getMap("paths.'/admin/v1/tenants'.post.requestBody")).contains("ws-4711"),
                "tenant creation shows an example body");
    }
}
