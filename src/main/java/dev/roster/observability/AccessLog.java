package dev.roster.observability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.auth.Roles;
import dev.roster.config.RosterConfig;
import dev.roster.tenant.TenantContext;
import dev.roster.tenant.TenantUrls;
import dev.roster.web.RequestIds;
import dev.roster.web.RouteTemplates;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * One access log line per request (issue 15, item 8), a JSON object on the {@code roster.access} category:
 * {@code {"method", "route", "status", "durationMs", "requestId", "tenantId", "credentialId"}}. The route is the
 * template ({@code /scim/v2/Users/{id}}), never the query; nothing of the headers or the body is logged, so no token and
 * no personal data reach it. On by default ({@code roster.access-log.enabled}).
 */
@ApplicationScoped
public class AccessLog {

    static final Logger LOG = Logger.getLogger("roster.access");
    private static final String STARTED = "roster.access.started";
    /** Where Quarkus' observability keeps the matched path template, on the request's Vert.x context. */
    private static final String PATH_TEMPLATE = "UrlPathTemplate";

    @Inject
    RosterConfig config;

    void install(@Observes Router router) {
        if (config.accessLog().enabled()) {
            router.route().order(-1_000).handler(this::watch);
        }
    }

    private void watch(RoutingContext rc) {
        // A rerouted request (the Tenant URL form) passes here twice; it is logged once.
        if (rc.get(STARTED) == null) {
            rc.put(STARTED, System.nanoTime());
            rc.addEndHandler(ended -> log(rc));
        }
        rc.next();
    }

    private void log(RoutingContext rc) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long started = rc.get(STARTED);
        TenantContext caller = rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity() != null
                ? user.getSecurityIdentity().getAttribute(Roles.TENANT_ATTRIBUTE) : null;
        UUID tenantId = caller != null ? caller.tenantId() : TenantUrls.pathTenant(rc);
        ObjectNode line = JsonNodeFactory.instance.objectNode()
                .put("method", rc.request().method().name())
                .put("route", route(rc))
                .put("status", rc.response().getStatusCode())
                .put("durationMs", Math.round((System.nanoTime() - started) / 100_000.0) / 10.0)
                .put("requestId", RequestIds.of(rc));
        if (tenantId != null) {
            line.put("tenantId", tenantId.toString());
        }
        if (caller != null && caller.credentialId() != null) {
            line.put("credentialId", caller.credentialId().toString());
        }
        LOG.info(line.toString());
    }

    /** The matched template, or the path with its ids as {id} when no endpoint matched (a 404, a refused request). */
    static String route(RoutingContext rc) {
        Context context = Vertx.currentContext();
        Object template = context == null ? null : context.getLocal(PATH_TEMPLATE);
        if (template instanceof String text && !text.isEmpty()) {
            return text;
        }
        return RouteTemplates.of(rc.normalizedPath());
    }
}
