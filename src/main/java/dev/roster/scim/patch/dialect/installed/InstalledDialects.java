package dev.roster.scim.patch.dialect.installed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.patch.dialect.Dialect;
import dev.roster.scim.patch.dialect.DialectChain;
import dev.roster.scim.patch.dialect.StrictRemove;
import dev.roster.scim.patch.dialect.entra.EntraDialect;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.PatchRequest;

/**
 * The PATCH dialects Roster applies, in order, and the one entry point the endpoints use. An Okta or OneLogin dialect is
 * a folder beside {@code entra/} and a line here; {@code EntraDialect} is never edited for another IdP.
 */
public final class InstalledDialects {

    public static final DialectChain CHAIN = DialectChain.of(EntraDialect.DIALECT);

    private InstalledDialects() {
    }

    /**
     * Checks the raw body's bounds, rewrites the installed dialects into RFC 7644 form and parses the request.
     *
     * @param rfcDeviations the tenant's switch: whether rewrites that change RFC meaning apply (on by default)
     */
    public static PatchRequest parse(ResourceType type, JsonNode body, boolean rfcDeviations) {
        PatchRequest.checkBounds(body);
        if (rfcDeviations) {
            return PatchRequest.parse(CHAIN.normalize(type, body, Dialect.Mode.ALL));
        }
        JsonNode strict = CHAIN.normalize(type, body, Dialect.Mode.RFC_MEANING_ONLY);
        StrictRemove.check(strict);
        return PatchRequest.parse(strict);
    }
}
