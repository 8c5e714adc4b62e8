package dev.roster.scim.patch;

import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import static dev.roster.scim.TestJson.object;
import static dev.roster.scim.TestJson.patchBody;

import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.PatchRequest;

/** Shortcuts for the engine tests. */
final class Apply {

    private Apply() {
    }

    /** Parses an RFC 7644 body (no dialect) and applies it. */
    static PatchOutcome rfc(ResourceType type, String document, String operations) {
        return PatchEngine.apply(type, object(document), PatchRequest.parse(patchBody(operations)).operations());
    }

    /** What the service does: Entra's dialect, parse, apply. */
    static PatchOutcome entra(ResourceType type, String document, String operations) {
        return PatchEngine.apply(type, object(document),
                InstalledDialects.parse(type, patchBody(operations), true).operations());
    }
}
