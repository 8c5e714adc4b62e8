package dev.roster.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.groups.GroupResponses;
import dev.roster.groups.GroupService;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.SchemaRegistry;
import dev.roster.scim.wire.BulkRequest;
import dev.roster.scim.wire.BulkRequest.Operation;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import dev.roster.scim.wire.ScimError;
import dev.roster.tenant.TenantContext;
import dev.roster.users.UserResponses;
import dev.roster.users.UserService;
import dev.roster.web.DatabaseErrors;
import dev.roster.web.RequestIds;
import dev.roster.web.ScimBodies;
import dev.roster.auth.ScimCaller;
import dev.roster.web.ScimEndpoints;
import dev.roster.web.ScimResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import dev.roster.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /Bulk} (RFC 7644 §3.7). Operations run one after the other, each in its own transaction through the same
 * services as the single-resource endpoints, so every rule (uniqueness, member checks, PATCH dialect) holds alike. A failed
 * operation is reported in its slot and the run goes on, until {@code failOnErrors} failures.
 */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class BulkResource {

    private static final Logger LOG = Logger.getLogger(BulkResource.class);

    @Inject
    ScimCaller caller;
    @Inject
    ScimEndpoints endpoints;
    @Inject
    ScimBodies bodies;
    @Inject
    UserService users;
    @Inject
    GroupService groups;

    /** What one operation did: its status, and the resource's location and version when there is one. */
    record Outcome(int status, Meta meta, String createdId) {
    }

    @POST
    @Path("Bulk")
    public Uni<Response> bulk(String body, @Context RoutingContext rc) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > BulkRequest.MAX_PAYLOAD_BYTES) {
            throw ScimException.payloadTooLarge("A bulk request may be at most " + BulkRequest.MAX_PAYLOAD_BYTES
                    + " bytes.");
        }
        BulkRequest request = BulkRequest.parse(bodies.parse(body));
        return caller.withSchemas((tenant, registry) -> {
            String base = endpoints.base(tenant);
            ArrayNode results = JsonNodeFactory.instance.arrayNode();
            return run(request, 0, 0, new HashMap<>(), tenant, registry, base, results, RequestIds.of(rc))
                    .map(ignored -> {
                        ObjectNode answer = JsonNodeFactory.instance.objectNode();
                        answer.putArray("schemas").add(BulkRequest.RESPONSE_SCHEMA);
                        answer.set("Operations", results);
                        return ScimResponses.ok(answer);
                    });
        });
    }

    private Uni<Void> run(BulkRequest request, int index, int errors, Map<String, String> created, TenantContext tenant,
                          SchemaRegistry registry, String base, ArrayNode results, String requestId) {
        if (index >= request.operations().size()
                || (request.failOnErrors() != null && errors >= request.failOnErrors())) {
            return Uni.createFrom().voidItem();
        }
        Operation operation = request.operations().get(index);
        return Uni.createFrom().deferred(() -> execute(operation, created, tenant, registry, base))
                .map(outcome -> {
                    ObjectNode result = slot(results, operation);
                    result.put("status", Integer.toString(outcome.status()));
                    if (outcome.meta() != null) {
                        result.put("location", outcome.meta().location());
                        result.put("version", outcome.meta().etag());
                    }
                    if (operation.bulkId() != null && outcome.createdId() != null) {
                        created.put(operation.bulkId(), outcome.createdId());
                    }
                    return 0;
                })
                .onFailure().recoverWithItem(failure -> {
                    ObjectNode result = slot(results, operation);
                    ScimException error = failure instanceof ScimException scim ? scim : serverError(failure, requestId);
                    result.put("status", Integer.toString(error.status()));
                    result.set("response", ScimError.body(error.status(),
                            error.scimType() == null ? null : error.scimType().wireName(), error.detail()));
                    return 1;
                })
                .chain(failed -> run(request, index + 1, errors + failed, created, tenant, registry, base, results,
                        requestId));
    }

    private Uni<Outcome> execute(Operation operation, Map<String, String> created, TenantContext tenant,
                                 SchemaRegistry registry, String base) {
        BulkPath path = BulkPath.parse(BulkRequest.resolvePath(operation.path(), created), operation.method());
        JsonNode data = BulkRequest.resolveData(operation.data(), created);
        if (path.users()) {
            var type = registry.user();
            return switch (operation.method()) {
                case "POST" -> users.create(tenant, type, data)
                        .map(user -> new Outcome(201, UserResponses.meta(user, base), user.id.toString()));
                case "PUT" -> users.replace(tenant, type, path.id(), data, operation.version())
                        .map(written -> new Outcome(200, UserResponses.meta(written.user(), base), null));
                case "PATCH" -> users.patch(tenant, type, path.id(),
                                InstalledDialects.parse(type, data, tenant.patchQuirks()).operations(), operation.version())
                        .map(written -> new Outcome(200, UserResponses.meta(written.user(), base), null));
                default -> users.delete(tenant, path.id(), operation.version()).map(v -> new Outcome(204, null, null));
            };
        }
        var type = registry.group();
        return switch (operation.method()) {
            case "POST" -> groups.create(tenant, type, data)
                    .map(group -> new Outcome(201, GroupResponses.meta(group, base), group.id.toString()));
            case "PUT" -> groups.replace(tenant, type, path.id(), data, operation.version())
                    .map(group -> new Outcome(200, GroupResponses.meta(group, base), null));
            case "PATCH" -> groups.patch(tenant, type, path.id(),
                            InstalledDialects.parse(type, data, tenant.patchQuirks()).operations(), operation.version())
                    .map(group -> new Outcome(204, GroupResponses.meta(group, base), null));
            default -> groups.delete(tenant, path.id(), operation.version()).map(v -> new Outcome(204, null, null));
        };
    }

    private static ObjectNode slot(ArrayNode results, Operation operation) {
        ObjectNode result = results.addObject();
        result.put("method", operation.method());
        if (operation.bulkId() != null) {
            result.put("bulkId", operation.bulkId());
        }
        return result;
    }

    private static ScimException serverError(Throwable failure, String requestId) {
        ScimException database = DatabaseErrors.asScim(failure);
        if (database != null) {
            return database;
        }
        LOG.errorf(failure, "Bulk operation failed (request id %s)", requestId);
        return new ScimException(500, null, "The server failed to process this operation; quote request id "
                + requestId + " when reporting it.");
    }

}
