package dev.roster.activity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Reading a tenant's activity log for people (the console, the setup page): entries by the admin API's query, and the
 * summary a customer's IT admin watches while Entra connects and runs its first cycle.
 */
@ApplicationScoped
public class ActivityLog {

    @Inject
    ActivityRepository activity;

    public Uni<List<ActivityEntry>> find(ActivityRepository.Query query) {
        return activity.find(query);
    }

    /**
     * What a tenant's SCIM clients did since {@code since}: when the credential {@code credentialId} was first used (Entra's
     * Test Connection is its first request), requests, failures and 401s (a credential pasted wrongly), users and groups
     * created, and the last request's time.
     */
    public record Progress(Instant firstUse, Instant lastRequest, long requests, long failures, long refused,
                           long usersCreated, long groupsCreated) {
    }

    public Uni<Progress> progress(UUID tenantId, Instant since, UUID credentialId) {
        return activity.progress(tenantId, since, credentialId);
    }
}
