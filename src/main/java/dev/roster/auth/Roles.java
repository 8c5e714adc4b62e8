package dev.roster.auth;

/** Role names carried by authenticated identities. */
public final class Roles {

    /** A valid SCIM credential of some tenant. */
    public static final String SCIM = "scim";
    /** The host app's backend, through the admin key or an admin JWT with the admin group. */
    public static final String ADMIN = "roster-admin";

    /** Identity attribute holding the caller's {@link dev.roster.tenant.TenantContext}. */
    public static final String TENANT_ATTRIBUTE = "roster.tenant";
    /** Identity attribute: true when the caller's tenant is suspended. */
    public static final String SUSPENDED_ATTRIBUTE = "roster.tenant.suspended";

    private Roles() {
    }
}
