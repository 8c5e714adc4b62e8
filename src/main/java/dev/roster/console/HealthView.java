package dev.roster.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's sync health as the console shows it: the state with the reason it has it (from the same report as
 * {@code GET /admin/v1/tenants/{id}/health}), the last request and write, the day's top errors, and the chart.
 */
public record HealthView(String state, String label, String reason, String stateSince, String lastRequestAt,
                         String lastSuccessfulWriteAt, long hourRequests, long dayRequests, List<TopError> topErrors,
                         String chart) {

    public record TopError(int status, String scimType, String detail, long count) {
    }

    static HealthView of(JsonNode report, String chart) {
        String state = report.path("state").asText("never_connected");
        long hour = report.path("lastHour").path("requests").asLong();
        long hourFailures = 0;
        var statuses = report.path("lastHour").path("byStatus").fields();
        while (statuses.hasNext()) {
            var entry = statuses.next();
            if (dev.roster.synchealth.SyncState.isFailure(Integer.parseInt(entry.getKey()))) {
                hourFailures += entry.getValue().asLong();
            }
        }
        List<TopError> errors = new ArrayList<>();
        report.path("topErrors").forEach(error -> errors.add(new TopError(error.path("status").asInt(),
                error.path("scimType").asText(null), error.path("detail").asText(null), error.path("count").asLong())));
        return new HealthView(state, state.replace('_', ' '), reason(state, hour, hourFailures, text(report, "lastRequestAt")),
                text(report, "stateSince"), text(report, "lastRequestAt"), text(report, "lastSuccessfulWriteAt"), hour,
                report.path("lastDay").path("requests").asLong(), errors, chart);
    }

    private static String reason(String state, long hour, long hourFailures, String lastRequest) {
        return switch (state) {
            case "healthy" -> "Entra's requests of the last hour succeed.";
            case "degraded" -> hourFailures + " of " + hour + " requests in the last hour were refused or failed"
                    + " (401, 403, 429 or 5xx): see the top errors and the activity log.";
            case "stalled" -> "No request since " + lastRequest + " (UTC), although Entra runs a cycle about every 40"
                    + " minutes: provisioning may be stopped, in quarantine, or the credential removed.";
            default -> "No SCIM request yet: Entra has not connected (Test Connection is its first request).";
        };
    }

    private static String text(JsonNode report, String field) {
        return report.hasNonNull(field) ? report.get(field).asText() : null;
    }
}
