package dev.roster.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.wire.Meta;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * SCIM answers are serialised here, as {@code application/scim+json} whatever the client's Accept header says (RFC 7644
 * §3.1; Entra expects it on every response). Bodies are Jackson trees, which keeps them free of reflection (native image).
 * Single-resource answers carry the resource's version as {@code ETag} (RFC 7644 §3.14).
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

    /**
     * A single resource, with its ETag and its Location: required on a 201 (RFC 7644 §3.3), and sent on GET, PUT and
     * PATCH answers too, as clients (Microsoft's SCIM test collection among them) read the resource's URI from it.
     */
    public static Response resource(int status, JsonNode body, Meta meta) {
        return Response.status(status).type(ScimMediaType.SCIM_JSON)
                .header(HttpHeaders.ETAG, meta.etag())
                .location(URI.create(meta.location()))
                .entity(body.toString())
                .build();
    }

    /** If-None-Match named the current version: 304 with no body. */
    public static Response notModified(Meta meta) {
        return Response.notModified().header(HttpHeaders.ETAG, meta.etag()).build();
    }
}
