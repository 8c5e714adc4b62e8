package dev.roster.events.webhooks;

import dev.roster.events.EventType;
import dev.roster.failure.Failure;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A tenant's webhook endpoints for the admin API: registration checks, secrets and their rotation, redelivery. */
@ApplicationScoped
public class WebhookService {

    static final int MAX_ENDPOINTS_PER_TENANT = 10;
    static final int MAX_SECRETS = 2;
    private static final Set<String> TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    WebhookRepository repository;
    @Inject
    WebhookTargets targets;
    @Inject
    TenantService tenants;
    @Inject
    WebhookRelay relay;

    /** A new endpoint and its first secret, shown this once. */
    public record Created(WebhookRepository.Endpoint endpoint, String secret) {
    }

    public Uni<Created> create(UUID tenantId, String url, List<String> eventTypes, boolean enabled,
                               String description) {
        var uri = targets.parse(url);
        checkTypes(eventTypes);
        UUID id = Ids.newId();
        String secret = WebhookSignatures.newSecret();
        return requireTenant(tenantId)
                .chain(() -> repository.endpoints(tenantId, null))
                .invoke(existing -> {
                    if (existing.size() >= MAX_ENDPOINTS_PER_TENANT) {
                        throw Failure.conflict("This tenant already has " + MAX_ENDPOINTS_PER_TENANT
                                + " webhook endpoints; delete one first.");
                    }
                })
                .chain(() -> targets.checkAddress(uri))
                .chain(() -> repository.create(tenantId, id, uri.toString(), eventTypes, enabled, description,
                        Ids.newId(), secret))
                .chain(() -> get(tenantId, id))
                .map(endpoint -> new Created(endpoint, secret));
    }

    public Uni<List<WebhookRepository.Endpoint>> list(UUID tenantId) {
        return requireTenant(tenantId).chain(() -> repository.endpoints(tenantId, null));
    }

    public Uni<WebhookRepository.Endpoint> get(UUID tenantId, UUID id) {
        return repository.endpoints(tenantId, id).map(found -> {
            if (found.isEmpty()) {
                throw Failure.notFound("No webhook endpoint " + id + " in this tenant.");
            }
            return found.get(0);
        });
    }

    public Uni<WebhookRepository.Endpoint> update(UUID tenantId, UUID id, String url, List<String> eventTypes,
                                                  boolean typesGiven, Boolean enabled, String description,
                                                  boolean descriptionGiven) {
        var uri = url == null ? null : targets.parse(url);
        if (typesGiven) {
            checkTypes(eventTypes);
        }
        Uni<Void> check = uri == null ? Uni.createFrom().voidItem() : targets.checkAddress(uri);
        return check.chain(() -> repository.update(tenantId, id, uri == null ? null : uri.toString(), eventTypes,
                        typesGiven, enabled, description, descriptionGiven))
                .chain(updated -> get(tenantId, id));
    }

    public Uni<Void> delete(UUID tenantId, UUID id) {
        return repository.delete(tenantId, id).invoke(deleted -> {
            if (!deleted) {
                throw Failure.notFound("No webhook endpoint " + id + " in this tenant.");
            }
        }).replaceWithVoid();
    }

    /**
     * Rotation, step 1: a second secret; deliveries are signed with both until the old one is deleted (step 2), so the
     * host can switch its check at leisure (Standard Webhooks lists one signature per secret).
     */
    public Uni<String> addSecret(UUID tenantId, UUID id) {
        String secret = WebhookSignatures.newSecret();
        return get(tenantId, id)
                .chain(endpoint -> repository.addSecretBelow(tenantId, id, Ids.newId(), secret, MAX_SECRETS))
                .map(added -> {
                    if (!added) {
                        throw Failure.conflict("This endpoint already has " + MAX_SECRETS + " secrets; delete the old"
                                + " one before adding another.");
                    }
                    return secret;
                });
    }

    public Uni<Void> deleteSecret(UUID tenantId, UUID id, UUID secretId) {
        return get(tenantId, id).chain(endpoint -> {
            if (endpoint.secrets().stream().noneMatch(secret -> secret.id().equals(secretId))) {
                throw Failure.notFound("No secret " + secretId + " on this endpoint.");
            }
            return repository.deleteSecret(tenantId, id, secretId);
        }).invoke(deleted -> {
            if (deleted == 0) {
                throw Failure.conflict("An endpoint keeps at least one secret; add the new one first.");
            }
        }).replaceWithVoid();
    }

    public Uni<List<WebhookRepository.Delivery>> deliveries(UUID tenantId, UUID id, int limit) {
        return get(tenantId, id).chain(endpoint -> repository.deliveries(tenantId, id, limit));
    }

    public Uni<Void> redeliver(UUID tenantId, UUID id, UUID eventId) {
        return get(tenantId, id).chain(endpoint -> repository.redeliver(tenantId, id, eventId)).invoke(found -> {
            if (!found) {
                throw Failure.notFound("No event " + eventId + " in this tenant's feed.");
            }
            relay.wakeNow();
        }).replaceWithVoid();
    }

    /** Redelivers every event of [from, to) the endpoint subscribes to; emits how many deliveries were queued. */
    public Uni<Integer> redeliverRange(UUID tenantId, UUID id, java.time.Instant from, java.time.Instant to) {
        if (!from.isBefore(to)) {
            throw Failure.invalid("'from' must lie before 'to'.");
        }
        return get(tenantId, id).chain(endpoint -> repository.redeliverRange(tenantId, id, from, to))
                .invoke(relay::wakeNow);
    }

    private Uni<Void> requireTenant(UUID tenantId) {
        return tenants.find(tenantId).invoke(tenant -> {
            if (tenant == null) {
                throw Failure.notFound("No tenant " + tenantId + ".");
            }
        }).replaceWithVoid();
    }

    private static void checkTypes(List<String> eventTypes) {
        if (eventTypes == null) {
            return;
        }
        if (eventTypes.isEmpty()) {
            throw Failure.invalid("'eventTypes' must name at least one event type, or be left out for all of them.");
        }
        for (String type : eventTypes) {
            if (!TYPES.contains(type)) {
                throw Failure.invalid("Unknown event type '" + type + "'; known: " + TYPES.stream().sorted()
                        .collect(Collectors.joining(", ")) + ".");
            }
        }
    }
}
