package dev.roster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.tenant.Ids;
import dev.roster.web.RequestIds;
import dev.roster.web.RouteTemplates;
import dev.roster.web.Surface;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every admin change that succeeded (issue 15, item 6): a POST, PUT, PATCH or DELETE under {@code /admin/v1}
 * answered 2xx. The entry is written before the answer leaves, so an acknowledged change has its entry; what it keeps
 * passes through {@link Redaction} first, so no secret reaches the log (a token or client secret is shown to its
 * creator once, and never stored in the clear anywhere).
 */
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String TENANTS = "/admin/v1/tenants";
    private static final Pattern TENANT = Pattern.compile("^/admin/v1/tenants/([0-9a-fA-F-]{36})(/|$)");

    @Inject
    AuditRepository audit;
    @Inject
    ObjectMapper mapper;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, RoutingContext rc) {
        String path = rc.request().path();
        int status = response.getStatus();
        if (!CHANGES.contains(request.getMethod()) || Surface.of(path) != Surface.ADMIN || status < 200
                || status >= 300) {
            return Uni.createFrom().voidItem();
        }
        JsonNode after = response.getEntity() == null ? null : Redaction.redact(mapper.valueToTree(response.getEntity()));
        Object before = AuditTrail.before(rc);
        UUID target = target(path, after);
        // A new tenant is its own tenant: its creation is found in its own log.
        UUID tenant = TENANTS.equals(path) ? target : tenantOf(path);
        AuditEntry entry = new AuditEntry(Ids.newId(), tenant, Instant.now(), actor(request),
                request.getMethod() + " " + RouteTemplates.of(path), target, status,
                RequestIds.of(rc), before == null ? null : Redaction.redact(mapper.valueToTree(before)), after);
        return audit.insert(entry).onFailure().invoke(failure -> LOG.errorf(failure,
                "Could not record the admin change %s in the audit log", entry.action()))
                .onFailure().recoverWithNull();
    }

    private static String actor(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        return principal == null ? "unknown" : principal.getName();
    }

    private static UUID tenantOf(String path) {
        Matcher matcher = TENANT.matcher(path);
        return matcher.find() ? Ids.parse(matcher.group(1)).orElse(null) : null;
    }

    /** The last id in the path, or the id a creation answered with. */
    private static UUID target(String path, JsonNode after) {
        UUID last = RouteTemplates.lastId(path);
        if (after != null && after.hasNonNull("id") && (last == null || path.endsWith("s"))) {
            return Ids.parse(after.get("id").asText()).orElse(last);
        }
        return last;
    }
}
