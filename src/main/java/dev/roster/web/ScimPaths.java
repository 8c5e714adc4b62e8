package dev.roster.web;

import dev.roster.tenant.Ids;

import java.util.List;
import java.util.UUID;

/**
 * SCIM request paths before routing. Entra builds request URLs by appending "/Users" to whatever Tenant URL the admin
 * typed, so a trailing slash in that URL yields ".../tenant//Users", and some clients end paths with "/": both are the
 * same resource (docs/entra.md, "Connecting a tenant"). And the two URL forms name the same endpoints, so the Tenant
 * URL form is routed as the single-URL form with the tenant kept aside.
 */
public final class ScimPaths {

    public static final String ROOT = "/scim/v2";
    private static final String ROOT_SLASH = ROOT + "/";

    private ScimPaths() {
    }

    /** A Tenant URL path split into the tenant it names and the same path in the single-URL form. */
    public record TenantUrl(UUID tenantId, String singleUrlPath) {
    }

    /**
     * {@code /scim/v2/{tenantId}/Users} is the Tenant URL form of {@code /scim/v2/Users} (README, "What is there"): the
     * tenant and the single-URL path, or null when the segment after {@code /scim/v2/} is not a tenant id.
     */
    public static TenantUrl tenantUrl(String path) {
        if (path == null || !path.startsWith(ROOT_SLASH)) {
            return null;
        }
        int end = path.indexOf('/', ROOT_SLASH.length());
        String segment = end < 0 ? path.substring(ROOT_SLASH.length()) : path.substring(ROOT_SLASH.length(), end);
        return Ids.parse(segment)
                .map(tenant -> new TenantUrl(tenant, end < 0 ? ROOT : ROOT + path.substring(end)))
                .orElse(null);
    }

    /** Endpoint names as RFC 7644 spells them; clients that send {@code /users} (Microsoft's own tests do) mean these. */
    private static final List<String> ENDPOINTS = List.of("Users", "Groups", "Bulk", "Schemas", "ResourceTypes",
            "ServiceProviderConfig", "Me", ".search");

    /**
     * The path with runs of slashes collapsed, without a trailing slash, and with endpoint names in their RFC 7644
     * spelling ({@code /scim/v2/users} is {@code /scim/v2/Users}); the same string when nothing changes.
     */
    public static String normalize(String path) {
        String collapsed = collapse(path);
        return collapsed == null || !collapsed.startsWith(ROOT_SLASH) ? collapsed : canonicalEndpoints(collapsed);
    }

    private static String canonicalEndpoints(String path) {
        String[] segments = path.split("/", -1);
        boolean changed = false;
        for (int i = 3; i < segments.length; i++) {
            for (String endpoint : ENDPOINTS) {
                if (!segments[i].equals(endpoint) && segments[i].equalsIgnoreCase(endpoint)) {
                    segments[i] = endpoint;
                    changed = true;
                }
            }
        }
        return changed ? String.join("/", segments) : path;
    }

    private static String collapse(String path) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && previous == '/') {
                continue;
            }
            out.append(c);
            previous = c;
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.length() == path.length() ? path : out.toString();
    }
}
