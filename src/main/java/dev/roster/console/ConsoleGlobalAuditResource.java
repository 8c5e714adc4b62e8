package dev.roster.console;

import dev.roster.audit.AuditEntry;
import dev.roster.audit.AuditLog;
import dev.roster.tenant.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The admin audit log of every tenant in the console (issue 16, item 1), newest first: what the support staff looks at
 * to learn who changed or deleted a tenant. It outlives the tenants it names (a deletion is itself an entry), so its rows
 * name tenants by id and link to them while they exist.
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class ConsoleGlobalAuditResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(ConsoleSession session, List<AuditEntry> entries, String nextPage);
    }

    @Inject
    ConsoleGuard guard;
    @Inject
    ConsoleResponses responses;
    @Inject
    AuditLog audit;

    @GET
    public Uni<Response> page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @QueryParam("before") String before) {
        UUID beforeId = before == null ? null : Ids.parse(before).orElse(null);
        return guard.page(cookie, session -> audit.newestFirst(null, beforeId, Paged.SIZE + 1).map(rows -> {
            Paged<AuditEntry> page = Paged.of(rows, Paged.SIZE, last -> "/console/audit?before=" + last.id());
            return responses.page(session, Templates.audit(session, page.items(), page.next()), 200);
        }));
    }
}
