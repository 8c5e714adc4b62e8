package dev.roster.admin.openapi;

import java.util.List;
import java.util.Map;

/**
 * Example request bodies of the admin API's writes, keyed by "method path" as the OpenAPI document names them. The
 * resources take JSON trees (so that a bad field gets an exact detail), which leaves their bodies untyped in the
 * generated document; these show what to send.
 */
final class RequestExamples {

    private RequestExamples() {
    }

    static final Map<String, Object> BY_OPERATION = Map.ofEntries(
            Map.entry("post /admin/v1/tenants", Map.of("name", "Blinq: Contoso", "externalId", "ws-4711",
                    "seatLimit", 50, "userDeletion", "soft", "deletedUserRetentionDays", 30, "sendActivation", true)),
            Map.entry("patch /admin/v1/tenants/{tenantId}", Map.of("seatLimit", 75, "suspended", false,
                    "limits", Map.of("requestsPerSecond", 50, "concurrentRequests", 8))),
            Map.entry("post /admin/v1/tenants/{tenantId}/tokens", Map.of("description", "Entra provisioning",
                    "expiresAt", "2027-12-31T00:00:00Z")),
            Map.entry("post /admin/v1/tenants/{tenantId}/oauth-clients", Map.of("description",
                    "Entra gallery app", "secretExpiresAt", "2027-12-31T00:00:00Z")),
            Map.entry("post /admin/v1/tenants/{tenantId}/webhooks", Map.of("url", "https://hooks.example.com/roster",
                    "eventTypes", List.of("user.created", "user.deactivated", "user.deleted"),
                    "description", "cards and billing")),
            Map.entry("patch /admin/v1/tenants/{tenantId}/webhooks/{webhookId}", Map.of("enabled", false)),
            Map.entry("post /admin/v1/tenants/{tenantId}/webhooks/{webhookId}/redeliver", Map.of("from",
                    "2026-12-07T00:00:00Z", "to", "2026-12-07T12:00:00Z")),
            Map.entry("post /admin/v1/tenants/{tenantId}/rules", Map.of("filter",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Marketing\"",
                    "labels", Map.of("cardTemplate", "A"))));
}
