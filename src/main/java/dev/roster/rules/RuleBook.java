package dev.roster.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.schema.ResourceType;
import io.quarkus.cache.Cache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * The labels a change's event carries (issue 11, item 5): every rule of the tenant whose filter the resource matches,
 * on creation, and on updates for the rules that ask for it. Rules are cached per pod like the schema registry
 * ({@code roster.auth.credential-cache-ttl}) and invalidated on this pod when they change. Evaluated in memory by the
 * SCIM core's evaluator: no query per write.
 */
@ApplicationScoped
public class RuleBook {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RuleBook.class);

    @Inject
    TenantRuleRepository rules;
    @Inject
    @CacheName("tenant-rules")
    Cache cache;

    /** The merged labels of the matching rules (later rules win a key), empty when none matches. */
    public Uni<ObjectNode> labels(UUID tenantId, ResourceType type, ObjectNode resource, boolean created) {
        return rulesOf(tenantId).map(all -> {
            ObjectNode labels = JsonNodeFactory.instance.objectNode();
            FilterEvaluator evaluator = null;
            for (Rule rule : all) {
                if (!rule.appliesTo(type.name(), created)) {
                    continue;
                }
                evaluator = evaluator == null ? new FilterEvaluator(type) : evaluator;
                try {
                    if (rule.matches(evaluator, resource)) {
                        labels.setAll(rule.labels());
                    }
                } catch (RuntimeException e) {
                    // A rule that no longer fits the tenant's schema (an extension changed) labels nothing; it never
                    // fails the write it is evaluated for.
                    LOG.debugf("Tenant %s: rule %s skipped: %s", tenantId, rule.filter(), e.getMessage());
                }
            }
            return labels;
        });
    }

    public Uni<Void> invalidate(UUID tenantId) {
        return cache.invalidate(tenantId);
    }

    /**
     * Loaded in the caller's session when it has one, else in a session of its own (the users' hot path runs on the
     * reactive client without one), then cached.
     */
    private Uni<List<Rule>> rulesOf(UUID tenantId) {
        return cache.getAsync(tenantId, id -> Panache.withSession(() -> rules.ofTenant(id)).map(rows -> {
            List<Rule> parsed = new java.util.ArrayList<>();
            for (TenantRuleEntity row : rows) {
                try {
                    parsed.add(new Rule(row.resourceType, FilterParser.parseLenient(row.filter), row.labels,
                            row.applyOnUpdate));
                } catch (RuntimeException e) {
                    LOG.debugf("Tenant %s: rule %s does not parse and is skipped: %s", id, row.id, e.getMessage());
                }
            }
            return parsed;
        }));
    }
}
