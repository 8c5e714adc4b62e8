package dev.roster.audit;

import io.vertx.ext.web.RoutingContext;

/**
 * What an admin change looked like before it (the audit log's {@code before}), handed by the admin resource that knows
 * it to the recorder that writes the entry once the response is ready.
 */
public final class AuditTrail {

    static final String BEFORE = "roster.audit.before";

    private AuditTrail() {
    }

    /** Notes the state before the change (a view, never an entity: it is serialised as the API shows it). */
    public static void before(RoutingContext rc, Object view) {
        if (rc != null) {
            rc.put(BEFORE, view);
        }
    }

    static Object before(RoutingContext rc) {
        return rc == null ? null : rc.get(BEFORE);
    }
}
