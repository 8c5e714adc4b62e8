package dev.roster.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Latency histograms (issue 15, item 8): every HTTP route (each SCIM operation and admin route is its own {@code uri}
 * template and {@code method}) and webhook deliveries get fixed buckets from 1 ms to 10 s, so Prometheus computes p99
 * per operation across pods ({@code histogram_quantile(0.99, sum by (le, method, uri)
 * (rate(http_server_requests_seconds_bucket[5m])))}). Fixed buckets keep the series few and equal on every pod.
 */
@Singleton
public class LatencyHistograms {

    static final Set<String> TIMED = Set.of("http.server.requests", "roster.webhooks.delivery.latency");
    static final double[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMED.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
