package dev.roster.setup;

import java.time.Instant;
import java.util.List;

/** What the setup page shows, as plain values for its templates. */
public final class SetupViews {

    private SetupViews() {
    }

    /**
     * The link's page. The credential fields are set only in the answer that opened the link (shown once); afterwards
     * the page shows the Tenant URL, the steps and the progress.
     */
    public record Page(String tenantName, String tenantUrl, String secret, boolean oauth, Instant expiresAt, Instant openedAt,
                String token, String clientId, String clientSecret, String tokenEndpoint, Status status) {
    }

    /** The live part: whether Entra connected, what the first cycle did, the last errors with what to do. */
    public record Status(boolean suspended, Instant connectedAt, Instant lastRequest, long requests, long failures,
                  long refused, long usersCreated, long groupsCreated, List<Problem> problems) {

        public boolean connected() {
            return connectedAt != null;
        }
    }

    public record Problem(Instant at, String method, String path, int status, String detail, String requestId,
                   String advice) {
    }
}
