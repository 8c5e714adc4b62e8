package dev.roster.synchealth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.activity.ActivityWriter;
import dev.roster.config.RosterConfig;
import dev.roster.failure.Failure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's sync health for the admin API (issue 15, item 4): its state as of now, the last request and the last
 * successful write, requests over the last hour and day by status, the most frequent errors of the day, and the
 * credentials that expire soon.
 */
@ApplicationScoped
public class SyncHealthService {

    @Inject
    SyncHealthRepository repository;
    @Inject
    RosterConfig config;
    @Inject
    ActivityWriter activity;

    public Uni<ObjectNode> report(UUID tenantId) {
        return activity.flush().chain(() -> repository.report(tenantId)).chain(report -> {
            if (report == null) {
                throw Failure.notFound("No tenant " + tenantId + ".");
            }
            return repository.expiring(tenantId, config.syncHealth().expiringWithin()).map(expiring -> {
                long hourRequests = sum(report.lastHour());
                long hourFailures = report.lastHour().entrySet().stream()
                        .filter(e -> SyncState.isFailure(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                SyncState state = SyncState.of(report.lastRequest(), hourRequests, hourFailures, Instant.now(),
                        config.syncHealth().stalledAfter());
                ObjectNode view = JsonNodeFactory.instance.objectNode().put("state", state.wireName());
                if (state.wireName().equals(report.storedState()) && report.stateSince() != null) {
                    view.put("stateSince", report.stateSince().toString());
                }
                putInstant(view, "lastRequestAt", report.lastRequest());
                putInstant(view, "lastSuccessfulWriteAt", report.lastWrite());
                window(view.putObject("lastHour"), report.lastHour());
                window(view.putObject("lastDay"), report.lastDay());
                ArrayNode errors = view.putArray("topErrors");
                report.topErrors().forEach(error -> errors.addObject().put("status", error.status())
                        .put("scimType", error.scimType()).put("detail", error.detail()).put("count", error.count()));
                ArrayNode credentials = view.putArray("expiringCredentials");
                expiring.forEach(credential -> {
                    ObjectNode item = credentials.addObject().put("id", credential.id().toString())
                            .put("kind", credential.kind()).put("hint", credential.hint())
                            .put("expiresAt", credential.expiresAt().toString());
                    if (credential.clientId() != null) {
                        item.put("clientId", credential.clientId().toString());
                    }
                });
                return view;
            });
        });
    }

    private static void window(ObjectNode node, Map<Integer, Long> byStatus) {
        node.put("requests", sum(byStatus));
        ObjectNode statuses = node.putObject("byStatus");
        byStatus.forEach((status, count) -> statuses.put(Integer.toString(status), count));
    }

    private static long sum(Map<Integer, Long> byStatus) {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
