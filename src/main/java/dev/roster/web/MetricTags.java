package dev.roster.web;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Keeps HTTP metrics at one {@code uri} label per SCIM operation: the Tenant URL template carries a UUID pattern
 * ({@link ScimEndpoints#TENANT_SEGMENT}) that would otherwise appear verbatim. Metrics never carry a tenant id.
 */
public class MetricTags {

    private static final Pattern TENANT_TEMPLATE = Pattern.compile("\\{tenantId: [^/]+}");

    @Produces
    @Singleton
    MeterFilter readableTenantTemplate() {
        return MeterFilter.replaceTagValues("uri", uri -> TENANT_TEMPLATE.matcher(uri).replaceFirst("{tenantId}"));
    }
}
