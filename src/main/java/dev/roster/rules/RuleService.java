package dev.roster.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.failure.Failure;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.FilterParser;
import dev.roster.store.Transactions;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantRepository;
import dev.roster.tenant.TenantSchemas;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's rules for the admin API: added only when their filter parses and fits the tenant's schema. */
@ApplicationScoped
public class RuleService {

    static final int MAX_RULES_PER_TENANT = 100;

    @Inject
    TenantRuleRepository rules;
    @Inject
    TenantRepository tenants;
    @Inject
    TenantSchemas schemas;
    @Inject
    RuleBook book;

    /** What a new rule says; validated here against the tenant's schemas. */
    public record NewRule(String resourceType, String filter, ObjectNode labels, boolean applyOnUpdate,
                          String description) {
    }

    public Uni<TenantRuleEntity> add(UUID tenantId, NewRule rule) {
        return schemas.registry(tenantId).chain(registry -> {
            var type = "Group".equals(rule.resourceType()) ? registry.group() : registry.user();
            check(type, rule.filter());
            return Transactions.write(() -> persist(tenantId, rule));
        }).call(() -> book.invalidate(tenantId));
    }

    private Uni<TenantRuleEntity> persist(UUID tenantId, NewRule rule) {
        return tenants.requireExists(tenantId)
                .chain(() -> rules.countInTenant(tenantId))
                .chain(count -> {
                    if (count >= MAX_RULES_PER_TENANT) {
                        throw Failure.conflict("This tenant already has " + MAX_RULES_PER_TENANT
                                + " rules; delete unused ones first.");
                    }
                    TenantRuleEntity entity = new TenantRuleEntity();
                    entity.tenantId = tenantId;
                    entity.id = Ids.newId();
                    entity.resourceType = rule.resourceType();
                    entity.filter = rule.filter();
                    entity.labels = rule.labels();
                    entity.applyOnUpdate = rule.applyOnUpdate();
                    entity.description = rule.description();
                    entity.createdAt = Instant.now();
                    return rules.persist(entity);
                });
    }

    @WithSession
    public Uni<List<TenantRuleEntity>> list(UUID tenantId) {
        return tenants.requireExists(tenantId).chain(() -> rules.ofTenant(tenantId));
    }

    @WithTransaction
    public Uni<Void> remove(UUID tenantId, UUID ruleId) {
        return rules.removeInTenant(tenantId, ruleId).invoke(count -> {
            if (count == 0) {
                throw Failure.notFound("No rule " + ruleId + " in this tenant.");
            }
        }).call(() -> book.invalidate(tenantId)).replaceWithVoid();
    }

    /** The filter must parse and name attributes of the resource type (the SCIM error's detail gives the column). */
    private static void check(dev.roster.scim.schema.ResourceType type, String text) {
        try {
            Filter filter = FilterParser.parseLenient(text);
            new FilterEvaluator(type).compile(filter);
        } catch (ScimException e) {
            throw Failure.invalid("'filter' is not a filter Roster can evaluate: " + e.detail());
        }
    }
}
