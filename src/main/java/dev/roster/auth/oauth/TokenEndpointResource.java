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
import jakarta.ws.rs.core.Response;

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
                               String formBody) {
        TokenForm form = TokenForm.parse(formBody);
        String grantType = form.single("grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is required; Roster supports client_credentials.");
        }
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw OAuthException.unsupportedGrantType("Only the client_credentials grant is supported.");
        }
        form.single("scope"); // optional; any scope is granted the tenant's SCIM access (RFC 6749 §3.3)
        ClientCredentials credentials = ClientCredentials.from(authorization, form.single("client_id"),
                form.single("client_secret"));
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
}
