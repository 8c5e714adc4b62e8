package dev.roster.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.wire.UnstorableText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads SCIM request bodies. Bodies arrive as text whatever their Content-Type ({@code application/scim+json}, with or
 * without charset, {@code application/json}, or none at all), so no client is refused over a header, and malformed JSON
 * is an {@code invalidSyntax} error that says where it broke. Size is bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class ScimBodies {

    @Inject
    ObjectMapper mapper;

    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("The request body is empty; send a JSON object.");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ScimException.invalidSyntax("The request body is not valid JSON" + where + ".");
        }
        UnstorableText.find(json).ifPresent(problem -> {
            throw ScimException.invalidValue("The request body holds " + problem + "; such text cannot be stored."
                    + " Remove the character and retry.");
        });
        return json;
    }
}
