package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.ResourceType;

import java.util.List;

/**
 * The dialects Roster understands, applied one after the other. Clients cannot be told apart (Entra sends no
 * User-Agent, Q15), so every request goes through every dialect; each rewrite only touches the shapes its IdP sends.
 * Adding an IdP is a new folder beside {@code entra/} and one entry in {@code installed/InstalledDialects}.
 */
public record DialectChain(List<Dialect> dialects) {

    public DialectChain {
        dialects = List.copyOf(dialects);
    }

    public static DialectChain of(Dialect... dialects) {
        return new DialectChain(List.of(dialects));
    }

    public JsonNode normalize(ResourceType type, JsonNode patchBody, Dialect.Mode mode) {
        JsonNode body = patchBody;
        for (Dialect dialect : dialects) {
            body = dialect.normalize(type, body, mode);
        }
        return body;
    }
}
