package dev.roster.console;

import dev.roster.admin.AdminViews.TenantView;
import dev.roster.audit.AuditEntry;
import dev.roster.tenant.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** A tenant's admin audit log in the console (issue 16, item 1): who changed what, through the API or the console. */
@Path("/console/tenants/{tenantId}/audit")
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditResource extends TenantConsolePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(ConsoleSession session, TenantView tenant, List<AuditEntry> entries,
                                             String nextPage);
    }


    @GET
    public Uni<Response> page(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenantId") String tenantId,
                              @QueryParam("before") String before) {
        UUID beforeId = before == null ? null : Ids.parse(before).orElse(null);
        return tenantPage(cookie, tenantId, (session, tenant) -> audit
                .newestFirst(tenant.id(), beforeId, Paged.SIZE + 1).map(rows -> {
                    Paged<AuditEntry> page = Paged.of(rows, Paged.SIZE,
                            last -> "/console/tenants/" + tenant.id() + "/audit?before=" + last.id());
                    return responses.page(session, Templates.audit(session, tenant, page.items(), page.next()), 200);
                }));
    }
}
