package dev.roster.auth;

import dev.roster.config.RosterConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** One WARN at startup when the admin API can accept no credential at all, so a newcomer is not left guessing. */
@ApplicationScoped
public class AdminAccessWarning {

    private static final Logger LOG = Logger.getLogger(AdminAccessWarning.class);

    @Inject
    RosterConfig config;

    void check(@Observes StartupEvent started) {
        if (!config.adminCredentialConfigured()) {
            LOG.warn("No admin credential is configured: the admin API (/admin/v1) refuses every request. Set"
                    + " ROSTER_ADMIN_KEY, or roster.admin.jwt.issuer and roster.admin.jwt.public-key-location.");
        }
    }
}
