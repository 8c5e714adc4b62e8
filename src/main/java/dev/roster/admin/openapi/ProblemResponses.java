package dev.roster.admin.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the generated OpenAPI document (issue 15, item 9) with what every admin operation shares, in one place
 * rather than on each method: the bearer security scheme (an admin key or an admin JWT), and the RFC 9457 problem
 * responses (400, 401, 403, 404, 409, 429, 503) with the {@code Problem} schema and an example each, and example
 * request bodies for the writes (RequestExamples). The token
 * endpoint keeps its own RFC 6749 answers and needs no bearer.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEME = "adminBearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_TYPES = "https://roster.dev/problems/";

    /** Each status an admin operation may answer with a problem, its type and an example detail. */
    static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[]{"validation", "Bad Request",
                "'seatLimit' must be a non-negative integer or null (no limit)."});
        PROBLEMS.put("401", new String[]{"unauthorized", "Unauthorized",
                "Authentication required: send 'Authorization: Bearer <admin key or admin JWT>'."});
        PROBLEMS.put("403", new String[]{"forbidden", "Forbidden",
                "The credential is valid but lacks the 'roster-admin' group."});
        PROBLEMS.put("404", new String[]{"not-found", "Not Found", "No tenant 01a25001-11a3-7384-98c3-3ec430ae9172."});
        PROBLEMS.put("409", new String[]{"conflict", "Conflict",
                "externalId 'ws-42' already names tenant 01a25001-11a3-7384-98c3-3ec430ae9172."});
        PROBLEMS.put("429", new String[]{"too-many-requests", "Too Many Requests",
                "This workspace sends more than 100 requests per second to this server; retry after 1 s."});
        PROBLEMS.put("503", new String[]{"unavailable", "Service Unavailable",
                "The database is unreachable; retry after 5 s."});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("The bootstrap admin key (ROSTER_ADMIN_KEY) or an admin JWT whose"
                        + " groups include roster-admin."));
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/admin/")) {
                operations(item).forEach(this::completeAdminOperation);
                if (item.getOperations() != null) {
                    item.getOperations().forEach((method, operation) -> exampleBody(
                            method.name().toLowerCase(java.util.Locale.ROOT) + " " + path, operation));
                }
            }
        });
    }

    private void completeAdminOperation(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        PROBLEMS.forEach((status, problem) -> {
            if (responses.getAPIResponse(status) == null) {
                Example example = OASFactory.createExample().value(Map.of("type", PROBLEM_TYPES + problem[0],
                        "title", problem[1], "status", Integer.parseInt(status), "detail", problem[2],
                        "requestId", "9c06fb28-8f12-46bb-88c2-dad8ca0c4886"));
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(problem[1])
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                                .ref("#/components/schemas/" + PROBLEM))
                                        .addExample(problem[0], example))));
            }
        });
    }

    /** Adds the example body of an admin write that has one (RequestExamples). */
    private static void exampleBody(String key, Operation operation) {
        Object example = RequestExamples.BY_OPERATION.get(key);
        if (example == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values()
                .forEach(media -> media.addExample("example", OASFactory.createExample().value(example)));
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; `type` names the cause (one URI per cause, not per status)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .required(List.of("type", "title", "status", "detail"));
    }
}
