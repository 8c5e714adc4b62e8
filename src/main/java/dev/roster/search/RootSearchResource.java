package dev.roster.search;

import dev.roster.auth.Roles;
import dev.roster.web.ScimEndpoints;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code POST /.search} at the root, in both URL forms. */
@Path(ScimEndpoints.ROOT)
@RolesAllowed(Roles.SCIM)
public class RootSearchResource {

    @Inject
    RootSearchEndpoints search;

    @POST
    @Path(".search")
    public Uni<Response> search(String body) {
        return search.search(body);
    }
}
