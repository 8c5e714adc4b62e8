package dev.roster.auth;

import dev.roster.support.Api;
import dev.roster.support.TestEntraKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static dev.roster.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;

/**
 * R-06, workload identity federation: Entra's own token, checked against the keys Entra publishes, authenticates the
 * Roster tenant that trusts that Entra tenant and audience. Runs against a local stand-in for Entra's key endpoint
 * ({@link TestEntraKeys}), so it has no packaged-application twin.
 */
@QuarkusTest
class EntraFederationTest {

    private static final String AUTHORITY = "http://localhost:8081/test-entra";

    private static String entraToken(String entraTenant, String audience, Instant expiresAt, String keyFile) {
        try {
            return Jwt.issuer(AUTHORITY + "/" + entraTenant + "/v2.0").audience(audience)
                    .subject("sync-fabric-" + entraTenant).issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                    .jws().keyId(TestEntraKeys.KID)
                    .sign(KeyUtils.decodePrivateKey(Files.readString(Path.of("src/test/resources/keys/" + keyFile))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void r06_entraSignedTokenOpensTheTrustingTenantOnly() {
        String tenant = Api.createTenant("Federated");
        String entraTenant = UUID.randomUUID().toString();
        String audience = "api://" + UUID.randomUUID();
        admin().body("{\"entraFederation\": {\"tenantId\": \"" + entraTenant + "\", \"audience\": \"" + audience + "\"}}")
                .patch("/admin/v1/tenants/" + tenant).then().statusCode(200)
                .body("entraFederation.tenantId", equalTo(entraTenant))
                .body("entraFederation.audience", equalTo(audience));
        Instant inTenMinutes = Instant.now().plusSeconds(600);
        String token = entraToken(entraTenant, audience, inTenMinutes, "entra-private.pem");

        Api.scim(token).get(Api.tenantUrl(tenant) + "/Users").then().statusCode(200).body("totalResults", equalTo(0));
        Api.scim(token).get("/scim/v2/ServiceProviderConfig").then().statusCode(200);

        String other = Api.createTenant("Not federated");
        Api.scim(token).get(Api.tenantUrl(other) + "/Users").then().statusCode(401);
        Api.scim(entraToken(entraTenant, "api://someone-else", inTenMinutes, "entra-private.pem"))
                .get(Api.tenantUrl(tenant) + "/Users").then().statusCode(401);
        Api.scim(entraToken(UUID.randomUUID().toString(), audience, inTenMinutes, "entra-private.pem"))
                .get(Api.tenantUrl(tenant) + "/Users").then().statusCode(401);
        Api.scim(entraToken(entraTenant, audience, inTenMinutes, "stranger-private.pem"))
                .get(Api.tenantUrl(tenant) + "/Users").then().statusCode(401);
        Api.scim(entraToken(entraTenant, audience, Instant.now().minusSeconds(300), "entra-private.pem"))
                .get(Api.tenantUrl(tenant) + "/Users").then().statusCode(401);

        admin().body("{\"entraFederation\": null}").patch("/admin/v1/tenants/" + tenant).then().statusCode(200)
                .body("entraFederation", equalTo(null));
        Api.scim(token).get(Api.tenantUrl(tenant) + "/Users").then().statusCode(401);
    }

    @Test
    void refusesMalformedFederationSettings() {
        String tenant = Api.createTenant("Bad federation");
        admin().body("{\"entraFederation\": {\"tenantId\": \"contoso\", \"audience\": \"api://x\"}}")
                .patch("/admin/v1/tenants/" + tenant).then().statusCode(400).contentType("application/problem+json");
        admin().body("{\"entraFederation\": {\"tenantId\": \"" + UUID.randomUUID() + "\"}}")
                .patch("/admin/v1/tenants/" + tenant).then().statusCode(400);
    }
}
