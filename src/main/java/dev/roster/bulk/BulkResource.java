package dev.roster.bulk;

import dev.roster.auth.Roles;
import dev.roster.web.ScimEndpoints;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code POST /Bulk} in both URL forms. */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class BulkResource {

    @Inject
    BulkEndpoints bulk;

    @POST
    @Path("Bulk")
    public Uni<Response> bulk(String body, @Context RoutingContext rc) {
        return bulk.bulk(body, rc);
    }
}
