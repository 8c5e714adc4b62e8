package dev.roster.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;

/**
 * SCIM answers are serialised here, as {@code application/scim+json} whatever the client's Accept header says (RFC 7644
 * §3.1; Entra expects it on every response). Bodies are Jackson trees, which keeps them free of reflection (native image).
 */
public final class ScimResponses {

    private ScimResponses() {
    }

    public static Response ok(JsonNode body) {
        return status(200, body);
    }

    public static Response status(int status, JsonNode body) {
        return Response.status(status).type(ScimMediaType.SCIM_JSON).entity(body.toString()).build();
    }
}
