package dev.roster.erasure;

import dev.roster.activity.ActivityRepository;
import dev.roster.activity.ActivityWriter;
import dev.roster.directory.UserDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * A person's erasure request (issue 15, item 7): the user goes, with its memberships; the events about it stay in the
 * feed but lose its document; activity entries about it or naming it (a filter on its userName, an error quoting it)
 * lose their filter and detail; the host is told by {@code user.erased}. The admin call is in the audit log like every
 * admin change, which keeps only the user's id.
 *
 * <p>The activity log is another store, so it is scrubbed around the erasing transaction: once before (a failure there
 * leaves everything as it was, and the call can be repeated) and once after, for entries written meanwhile.
 */
@ApplicationScoped
public class UserErasure {

    private static final Logger LOG = Logger.getLogger(UserErasure.class);

    @Inject
    UserDirectory users;
    @Inject
    ActivityWriter activityWriter;
    @Inject
    ActivityRepository activity;

    public Uni<Void> erase(UUID tenantId, UUID userId) {
        return users.identifyingTexts(tenantId, userId)
                .call(texts -> scrubActivity(tenantId, userId, texts))
                .call(() -> users.erase(tenantId, userId))
                .call(texts -> scrubActivity(tenantId, userId, texts).onFailure().invoke(failure -> LOG.warnf(
                        "Second activity scrub after erasing a user failed (entries of the last moments may keep"
                                + " its filter): %s", failure.getMessage())).onFailure().recoverWithNull())
                .replaceWithVoid();
    }

    private Uni<Integer> scrubActivity(UUID tenantId, UUID userId, List<String> texts) {
        return activityWriter.flush().chain(() -> activity.scrub(tenantId, userId, texts));
    }
}
