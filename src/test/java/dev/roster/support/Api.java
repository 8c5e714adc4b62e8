package dev.roster.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test helpers for the admin API and SCIM calls; each test makes its own tenants, so tests never share state. */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key-4f0c2a9e";
    public static final String ADMIN_ISSUER = "https://admin-idp.test.roster.dev";
    public static final String PUBLIC_URL = "http://localhost:8080";
    public static final String SCIM_JSON = "application/scim+json";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);
    }

    public static RequestSpecification scim(String bearer) {
        return given().header("Authorization", "Bearer " + bearer);
    }

    /** Creates a tenant and returns its id. */
    public static String createTenant(String name) {
        return admin().body(Map.of("name", name)).post("/admin/v1/tenants")
                .then().statusCode(201).extract().path("id");
    }

    /** Generates a secret token and returns the token itself. */
    public static String createToken(String tenantId) {
        return admin().body(Map.of("description", "test")).post("/admin/v1/tenants/" + tenantId + "/tokens")
                .then().statusCode(201).extract().path("token");
    }

    /** A GET sent byte for byte as given (rest-assured normalises some paths), to the test port. */
    public static java.net.http.HttpResponse<String> rawGet(String path, String bearer) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                    .header("Authorization", "Bearer " + bearer).GET().build();
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String tenantUrl(String tenantId) {
        return "/scim/v2/" + tenantId;
    }

    /** An admin JWT signed by the test identity provider's key. */
    public static String adminJwt(String issuer, Instant expiresAt, String... groups) {
        return Jwt.issuer(issuer).subject("ops@example.com").groups(java.util.Set.of(groups))
                .issuedAt(Instant.now().minusSeconds(60)).expiresAt(expiresAt)
                .jws().sign(key("keys/admin-private.pem"));
    }

    /** A Roster-shaped OAuth access token signed with the given key (the server's test key or a stranger's). */
    public static String accessToken(String keyLocation, UUID tenantId, UUID clientId, Instant expiresAt) {
        return Jwt.issuer(PUBLIC_URL).audience("roster-scim").subject(clientId.toString())
                .claim("tid", tenantId.toString()).issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                .jws().sign(key(keyLocation));
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
