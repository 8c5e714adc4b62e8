package dev.roster.activity;

import dev.roster.auth.Roles;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantUrls;
import dev.roster.web.ErrorDetails;
import dev.roster.web.HttpEntryFilters;
import dev.roster.web.RequestIds;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.roster.config.RosterConfig;

import java.time.Instant;
import java.util.UUID;

/**
 * Notes every SCIM request of a tenant when its response has ended (issue 11, item 6) and hands the entry to the batch
 * writer; the request never waits for the log. The tenant is the credential's, or the Tenant URL's when authentication
 * failed (an admin then sees Entra's 401s). What is kept: time, credential id, method, path (never the query), the
 * filter, status, the error's scimType and detail, the resource id, duration and request id; never a header, a token or
 * a body.
 */
@ApplicationScoped
public class ActivityRecorder {

    static final int MAX_FILTER = 1_000;
    static final int MAX_PATH = 500;
    private static final String STARTED = "roster.activity.started";

    @Inject
    ActivityWriter writer;
    @Inject
    RosterConfig config;

    void install(@Observes Router router) {
        if (config.activity().enabled()) {
            router.route("/scim/*").order(-900).handler(this::watch);
        }
    }

    private void watch(RoutingContext rc) {
        // A rerouted request (the Tenant URL form) passes here twice; it is recorded once, with its original path.
        if (rc.get(STARTED) == null) {
            rc.put(STARTED, new Started(System.nanoTime(), Instant.now(),
                    truncate(HttpEntryFilters.originalPath(rc), MAX_PATH),
                    truncate(rc.request().getParam("filter"), MAX_FILTER)));
            rc.addEndHandler(ended -> record(rc));
        }
        rc.next();
    }

    private record Started(long nanos, Instant at, String path, String filter) {
    }

    private void record(RoutingContext rc) {
        Started started = rc.get(STARTED);
        TenantContext caller = caller(rc);
        UUID tenantId = caller != null ? caller.tenantId() : TenantUrls.pathTenant(rc);
        if (started == null || tenantId == null) {
            return;
        }
        ErrorDetails.Details error = ErrorDetails.of(rc);
        int status = rc.response().getStatusCode();
        // Anyone who knows a tenant id can be refused under it: such entries keep no text of the caller's choosing.
        String filter = caller == null ? null : started.filter();
        writer.offer(new ActivityEntry(tenantId, Ids.newId(), started.at(),
                caller == null ? null : caller.credentialId(), rc.request().method().name(), started.path(),
                filter, status, error == null ? null : error.scimType(),
                error == null ? null : truncate(error.detail(), MAX_PATH), resourceId(rc, started.path()),
                (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started.nanos()) / 1_000_000),
                RequestIds.of(rc)));
    }

    private static TenantContext caller(RoutingContext rc) {
        return rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null
                ? user.getSecurityIdentity().getAttribute(Roles.TENANT_ATTRIBUTE) : null;
    }

    /** The id in {@code .../Users/{id}}, or of the resource a POST created (its Location). */
    private static UUID resourceId(RoutingContext rc, String path) {
        String location = rc.response().headers().get("Location");
        String source = location != null ? location : path;
        int slash = source.lastIndexOf('/');
        return slash < 0 ? null : Ids.parse(source.substring(slash + 1)).orElse(null);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
