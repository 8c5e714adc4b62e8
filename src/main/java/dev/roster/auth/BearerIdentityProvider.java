package dev.roster.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Routes a bearer credential to the verifier of its surface. */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<BearerCredentialRequest> {

    @Inject
    ScimCredentialVerifier scim;
    @Inject
    AdminCredentialVerifier admin;

    @Override
    public Class<BearerCredentialRequest> getRequestType() {
        return BearerCredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerCredentialRequest request, AuthenticationRequestContext context) {
        return switch (request.surface()) {
            case SCIM -> scim.verify(request, context);
            case ADMIN -> admin.verify(request, context);
        };
    }
}
