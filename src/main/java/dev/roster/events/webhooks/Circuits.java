package dev.roster.events.webhooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of attempts does to each endpoint's circuit, counted in the order the attempts settled: a receiver
 * failure adds one to the run of consecutive failures; any other outcome (delivered, or an answer that is not worth a
 * retry: the receiver is up) ends the run. So per endpoint the batch either ended the run at some point and then
 * counted {@code failures} more ({@code reset}), or only added {@code failures} to the stored run.
 */
final class Circuits {

    private Circuits() {
    }

    record Count(WebhookRepository.EndpointKey endpoint, boolean reset, int failures) {
    }

    /** One count per endpoint of the batch, in (tenant, endpoint) order so that writers lock rows in one order. */
    static List<Count> count(List<WebhookRepository.Settlement> batch) {
        Map<WebhookRepository.EndpointKey, Count> counts = new LinkedHashMap<>();
        for (WebhookRepository.Settlement settled : batch) {
            var key = new WebhookRepository.EndpointKey(settled.delivery().tenantId(), settled.delivery().endpointId());
            Count so = counts.getOrDefault(key, new Count(key, false, 0));
            counts.put(key, settled.receiverFailed() ? new Count(key, so.reset(), so.failures() + 1)
                    : new Count(key, true, 0));
        }
        List<Count> ordered = new ArrayList<>(counts.values());
        ordered.sort(Comparator.comparing((Count c) -> c.endpoint().tenantId())
                .thenComparing(c -> c.endpoint().endpointId()));
        return ordered;
    }
}
