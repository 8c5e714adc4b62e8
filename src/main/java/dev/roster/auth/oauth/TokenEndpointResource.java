package dev.roster.auth.oauth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code POST /oauth2/token}: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) that Entra uses for new gallery apps.
 * The access token is bound to the client's tenant and accepted on that tenant's SCIM endpoints only.
 */
@Path("/oauth2/token")
public class TokenEndpointResource {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    @Inject
    OAuthClientService clients;
    @Inject
    AccessTokens accessTokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               MultivaluedMap<String, String> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is required; Roster supports client_credentials.");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw OAuthException.unsupportedGrantType("Only the client_credentials grant is supported.");
        }
        single(form, "scope"); // optional; any scope is granted the tenant's SCIM access (RFC 6749 §3.3)
        ClientCredentials credentials = ClientCredentials.from(authorization, single(form, "client_id"),
                single(form, "client_secret"));
        return clients.authenticate(credentials.clientId(), credentials.secret()).map(client -> {
            if (client == null) {
                throw OAuthException.invalidClient("Unknown client or wrong client secret.", credentials.viaBasic());
            }
            AccessTokens.Issued issued = accessTokens.issue(client.tenantId, client.id);
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("access_token", issued.token())
                    .put("token_type", "Bearer")
                    .put("expires_in", issued.expiresInSeconds());
            return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        });
    }

    /** RFC 6749 §3.2: parameters must not be included more than once. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("The parameter " + name + " is repeated.");
        }
        String value = values.get(0);
        if (value.length() > ClientCredentials.MAX_FIELD_LENGTH) {
            throw OAuthException.invalidRequest("The parameter " + name + " is too long.");
        }
        return value.isEmpty() ? null : value;
    }
}
