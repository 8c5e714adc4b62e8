package dev.roster.tenant;

import java.util.UUID;

/**
 * Who is calling SCIM: the tenant the credential belongs to, and which credential it was (for the activity log and event
 * actors), with the tenant's settings that shape every request ({@code patchQuirks}: whether PATCH rewrites that change
 * RFC 7644 meaning apply; {@code seatLimited}: whether creates and reactivations must check the tenant's seat limit,
 * which is then read, locked, from the tenant's row; {@code limits}: the tenant's own fair-use caps, each null for the
 * pod's default). Built only by the authentication layer; everything downstream scopes its work to {@link #tenantId()}.
 */
public record TenantContext(UUID tenantId, UUID credentialId, CredentialKind credentialKind, boolean patchQuirks,
                            boolean sendActivation, boolean seatLimited, Limits limits) {

    /** A tenant's overrides of the fair-use defaults (issue 15, item 5); null fields take the default. */
    public record Limits(Integer concurrentRequests, Integer requestsPerSecond) {

        public static final Limits DEFAULTS = new Limits(null, null);
    }

    public enum CredentialKind { SECRET_TOKEN, OAUTH_CLIENT, ENTRA_FEDERATION }
}
