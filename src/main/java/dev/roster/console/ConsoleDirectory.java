package dev.roster.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.admin.AdminViews.TenantView;
import dev.roster.config.RosterConfig;
import dev.roster.directory.GroupCatalog;
import dev.roster.directory.Listing;
import dev.roster.directory.UserCatalog;
import dev.roster.events.EventLog;
import dev.roster.failure.Failure;
import dev.roster.tenant.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's users and groups in the console (issue 16, item 1): searched with a SCIM filter (the admin read API's
 * compiler: the same filters, the same errors), paged by cursor, and one user's or group's stored document with its
 * recent events. Read only. Served by {@link ConsoleUsersResource} and {@link ConsoleGroupsResource} (one path each, so
 * that neither hides the tenant's other console pages from routing).
 */
@jakarta.enterprise.context.ApplicationScoped
public class ConsoleDirectory {

    static final int EVENTS_SHOWN = 20;
    static final int MAX_FILTER_LENGTH = 1000;

    /** One row of a list: the resource's id, its name as people read it, and its document. */
    public record Row(UUID id, String name, String detail, Listing.Entry entry) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(ConsoleSession session, TenantView tenant, String kind,
                                                 List<Row> rows, String filter, String nextPage, String error);

        static native TemplateInstance resource(ConsoleSession session, TenantView tenant, String kind,
                                                Listing.Entry entry, String document, List<String> events);
    }

    @Inject
    ConsoleGuard guard;
    @Inject
    ConsoleResponses responses;
    @Inject
    UserCatalog users;
    @Inject
    GroupCatalog groups;
    @Inject
    EventLog events;
    @Inject
    RosterConfig config;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    Uni<Response> list(String cookie, String tenantId, String kind, String filter, String after) {
        return guard.page(cookie, session -> guard.withTenant(session, tenantId, tenant -> {
            String query = filter == null || filter.isBlank() ? null : filter.strip();
            if (query != null && query.length() > MAX_FILTER_LENGTH) {
                return Uni.createFrom().item(page(session, tenant, kind, List.of(), query, null,
                        "A filter has at most " + MAX_FILTER_LENGTH + " characters.", 400));
            }
            Listing.Request request = new Listing.Request(tenant.id(), query, null,
                    after == null || after.isBlank() ? null : ConsoleResource.bounded(after), Paged.SIZE, false);
            return Uni.createFrom().deferred(() -> kind.equals("users") ? users.list(request) : groups.list(request))
                    .map(listing -> page(session, tenant, kind, listing.items().stream().map(entry -> row(kind, entry))
                            .toList(), query, listing.nextCursor() == null ? null : "/console/tenants/" + tenant.id()
                            + "/" + kind + "?after=" + URLEncoder.encode(listing.nextCursor(), StandardCharsets.UTF_8)
                            + (query == null ? "" : "&filter=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
                            null, 200))
                    .onFailure(Failure.class).recoverWithItem(failure -> page(session, tenant, kind, List.of(), query,
                            null, ((Failure) failure).detail(), 400));
        }));
    }

    private Response page(ConsoleSession session, TenantView tenant, String kind, List<Row> rows, String filter,
                          String next, String error, int status) {
        return responses.page(session, Templates.directory(session, tenant, kind, rows, filter, next, error), status);
    }

    Uni<Response> one(String cookie, String tenantId, String kind, String id) {
        return guard.page(cookie, session -> guard.withTenant(session, tenantId, tenant -> {
            Optional<UUID> resourceId = Ids.parse(id);
            if (resourceId.isEmpty()) {
                return Uni.createFrom().item(guard.problem(session, "Not found", "There is no such " + kind.substring(0,
                        kind.length() - 1) + " in this tenant.", 404));
            }
            Uni<Listing.Entry> entry = Uni.createFrom().deferred(() -> kind.equals("users")
                    ? users.describe(tenant.id(), resourceId.get()) : groups.describe(tenant.id(), resourceId.get()));
            return entry.chain(found -> events.recentOfResource(tenant.id(), found.id(), EVENTS_SHOWN)
                            .map(list -> responses.page(session, Templates.resource(session, tenant, kind, found,
                                    pretty(found.resource()), list.stream().map(this::pretty).toList()), 200)))
                    .onFailure(Failure.class).recoverWithItem(failure -> guard.problem(session, "Not found",
                            ((Failure) failure).detail(), ((Failure) failure).status()));
        }));
    }

    private static Row row(String kind, Listing.Entry entry) {
        ObjectNode resource = entry.resource();
        String name = kind.equals("users") ? resource.path("userName").asText("") : resource.path("displayName")
                .asText("");
        String detail = kind.equals("users")
                ? resource.path("displayName").asText("") + (resource.path("active").asBoolean(true) ? "" : " (inactive)")
                : resource.path("externalId").asText("");
        return new Row(entry.id(), name, detail, entry);
    }

    private String pretty(Object json) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(json);
        }
    }


}
