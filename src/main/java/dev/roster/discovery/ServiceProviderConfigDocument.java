package dev.roster.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.wire.BulkRequest;
import dev.roster.scim.wire.ScimListRequest;

/**
 * The ServiceProviderConfig resource (RFC 7643 §5), stating what this build of Roster really supports. A capability is
 * switched on here only in the change that implements it, so Entra and other clients never rely on one that is missing.
 */
public final class ServiceProviderConfigDocument {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private ServiceProviderConfigDocument() {
    }

    public static ObjectNode build(String baseUrl) {
        return build(baseUrl, true);
    }

    /**
     * The document, with or without RFC 9865's {@code pagination} attribute: both pagination styles work either way,
     * but strict clients that know only RFC 7643's attributes (python-scim's models, and so scim2-tester) refuse the
     * document when it is there; a tenant whose client is one of them leaves it out.
     */
    public static ObjectNode build(String baseUrl, boolean advertisePagination) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.putArray("schemas").add(SCHEMA);
        root.put("documentationUri", "https://www.rfc-editor.org/rfc/rfc7644");
        root.putObject("patch").put("supported", true);
        root.putObject("bulk").put("supported", true).put("maxOperations", BulkRequest.MAX_OPERATIONS)
                .put("maxPayloadSize", BulkRequest.MAX_PAYLOAD_BYTES);
        root.putObject("filter").put("supported", true).put("maxResults", ScimListRequest.MAX_COUNT);
        // Passwords are accepted and dropped (README, "SCIM"): there is nothing to change.
        root.putObject("changePassword").put("supported", false);
        root.putObject("sort").put("supported", true);
        root.putObject("etag").put("supported", true);
        // RFC 9865: both pagination styles; cursors follow id order and do not expire.
        if (advertisePagination) {
            root.putObject("pagination")
                    .put("cursor", true)
                    .put("index", true)
                    .put("defaultPaginationMethod", "index")
                    .put("defaultPageSize", ScimListRequest.DEFAULT_COUNT)
                    .put("maxPageSize", ScimListRequest.MAX_COUNT);
        }
        ArrayNode schemes = root.putArray("authenticationSchemes");
        schemes.addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "A secret token generated in the application, or an access token from its"
                        + " OAuth 2.0 client credentials endpoint (/oauth2/token), sent as 'Authorization: Bearer'.")
                .put("specUri", "https://www.rfc-editor.org/rfc/rfc6750")
                .put("primary", true);
        ObjectNode meta = root.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", baseUrl + "/ServiceProviderConfig");
        return root;
    }
}
