package dev.roster.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

import java.util.UUID;

/**
 * A bearer credential presented on one of Roster's surfaces. {@code pathTenant} is the tenant named in a SCIM Tenant URL
 * ({@code /scim/v2/{tenantId}/...}), or null in the single-URL form where the credential picks the tenant.
 */
public final class BearerCredentialRequest extends BaseAuthenticationRequest {

    public enum Surface { SCIM, ADMIN }

    private final Surface surface;
    private final String credential;
    private final UUID pathTenant;

    public BearerCredentialRequest(Surface surface, String credential, UUID pathTenant) {
        this.surface = surface;
        this.credential = credential;
        this.pathTenant = pathTenant;
    }

    public Surface surface() {
        return surface;
    }

    public String credential() {
        return credential;
    }

    public UUID pathTenant() {
        return pathTenant;
    }

    /** A JWT has exactly three dot-separated parts (README, "Admin API"); anything else is an opaque secret. */
    public boolean looksLikeJwt() {
        return jwtShaped(credential);
    }

    public static boolean jwtShaped(String credential) {
        int first = credential.indexOf('.');
        int second = first < 0 ? -1 : credential.indexOf('.', first + 1);
        return second > 0 && credential.indexOf('.', second + 1) < 0;
    }
}
