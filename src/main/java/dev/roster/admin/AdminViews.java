package dev.roster.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.auth.oauth.OAuthClientService;
import dev.roster.auth.oauth.OAuthClientService.ClientSummary;
import dev.roster.auth.oauth.OAuthClientService.SecretSummary;
import dev.roster.auth.token.SecretTokenService;
import dev.roster.auth.token.SecretTokenService.TokenSummary;
import dev.roster.tenant.TenantEntity;
import dev.roster.directory.Seats;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the admin API shows. Secrets appear only in the one response that creates them. */
public final class AdminViews {

    private AdminViews() {
    }

    @RegisterForReflection
    public record TenantView(UUID id, String name, String externalId, Instant createdAt, Instant updatedAt,
                             String scimBaseUrl,
                             boolean suspended, boolean patchQuirks, boolean sendActivation,
                             Boolean advertisePagination, Integer seatLimit,
                             String userDeletion, int deletedUserRetentionDays,
                             EntraFederationView entraFederation, LimitsView limits, SyncView sync, Seats seats) {

        public static TenantView of(TenantEntity tenant, dev.roster.config.RosterConfig config, Seats seats) {
            return new TenantView(tenant.id, tenant.name, tenant.externalId, tenant.createdAt, tenant.updatedAt,
                    config.tenantUrl(tenant.id), tenant.suspended, tenant.patchQuirks, tenant.sendActivation,
                    tenant.advertisePagination, tenant.seatLimit, tenant.userDeletion,
                    tenant.deletedUserRetentionDays, tenant.entraTenantId == null ? null
                            : new EntraFederationView(tenant.entraTenantId, tenant.entraAudience),
                    LimitsView.of(tenant, config.limits()), new SyncView(tenant.syncState, tenant.syncStateSince),
                    seats == null ? Seats.NONE : seats);
        }
    }

    /** The tenant's sync health state as last checked (null before the first check; details under .../health). */
    @RegisterForReflection
    public record SyncView(String state, Instant since) {
    }

    /**
     * A tenant's fair-use caps per pod as they apply (its own, or the server's default), and which are its own
     * ({@code custom}: the fields a merge patch has set).
     */
    @RegisterForReflection
    public record LimitsView(int concurrentRequests, int requestsPerSecond, List<String> custom) {

        static LimitsView of(TenantEntity tenant, dev.roster.config.RosterConfig.Limits defaults) {
            List<String> custom = new java.util.ArrayList<>();
            if (tenant.limitConcurrentRequests != null) {
                custom.add("concurrentRequests");
            }
            if (tenant.limitRequestsPerSecond != null) {
                custom.add("requestsPerSecond");
            }
            return new LimitsView(
                    tenant.limitConcurrentRequests != null ? tenant.limitConcurrentRequests
                            : defaults.concurrentRequests(),
                    tenant.limitRequestsPerSecond != null ? tenant.limitRequestsPerSecond
                            : defaults.requestsPerSecond(), custom);
        }
    }

    /**
     * A user or group of the read API (issue 15, item 1): metadata, then the SCIM document as a GET returns it.
     * Users show {@code deactivatedAt} while inactive and {@code deletedAt} when retained after deletion; one group shows
     * its {@code memberCount}.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectoryEntryView(java.util.UUID id, Instant createdAt, Instant updatedAt, Instant deactivatedAt,
                                     Instant deletedAt, Long memberCount,
                                     com.fasterxml.jackson.databind.node.ObjectNode resource) {

        public static DirectoryEntryView of(dev.roster.directory.Listing.Entry entry) {
            return new DirectoryEntryView(entry.id(), entry.createdAt(), entry.updatedAt(), entry.deactivatedAt(),
                    entry.deletedAt(), entry.memberCount(), entry.resource());
        }

        public static Page<DirectoryEntryView> page(dev.roster.directory.Listing.Page page) {
            return new Page<>(page.items().stream().map(DirectoryEntryView::of).toList(), page.nextCursor());
        }
    }

    /** A direct member of a group: {@code type} is {@code User} or {@code Group}, {@code display} its name. */
    @RegisterForReflection
    public record MemberView(java.util.UUID id, String type, String display, Instant addedAt) {

        public static Page<MemberView> page(dev.roster.directory.Listing.Members members) {
            return new Page<>(members.items().stream()
                    .map(m -> new MemberView(m.id(), m.type(), m.display(), m.addedAt())).toList(),
                    members.nextCursor());
        }
    }

    /** Which Entra tenant's workload-identity tokens, for which audience, the tenant accepts. */
    @RegisterForReflection
    public record EntraFederationView(String tenantId, String audience) {
    }

    @RegisterForReflection
    public record TokenView(UUID id, String hint, String description, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt) {

        public static TokenView of(TokenSummary token) {
            return new TokenView(token.id(), token.hint(), token.description(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt());
        }
    }

    /** The one-time answer to "Generate token". */
    @RegisterForReflection
    public record GeneratedTokenView(UUID id, String token, String hint, String description, Instant createdAt,
                                     Instant expiresAt) {

        public static GeneratedTokenView of(SecretTokenService.Generated generated) {
            TokenSummary token = generated.summary();
            return new GeneratedTokenView(token.id(), generated.token(), token.hint(), token.description(),
                    token.createdAt(), token.expiresAt());
        }
    }

    /** A client secret; {@code secret} is present only in the response that creates it. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientSecretView(UUID id, String hint, Instant createdAt, Instant expiresAt, String secret) {

        public static ClientSecretView of(SecretSummary secret) {
            return new ClientSecretView(secret.id(), secret.hint(), secret.createdAt(), secret.expiresAt(), null);
        }

        public static ClientSecretView of(OAuthClientService.GeneratedSecret generated) {
            SecretSummary secret = generated.summary();
            return new ClientSecretView(secret.id(), secret.hint(), secret.createdAt(), secret.expiresAt(),
                    generated.secret());
        }
    }

    @RegisterForReflection
    public record OAuthClientView(UUID id, String clientId, String description, Instant createdAt, Instant lastUsedAt,
                                  String tokenEndpoint, List<ClientSecretView> secrets) {

        public static OAuthClientView of(OAuthClientService.ClientWithSecrets client, String publicBaseUrl) {
            return of(client.client(), client.secrets().stream().map(ClientSecretView::of).toList(), publicBaseUrl);
        }

        public static OAuthClientView of(ClientSummary client, List<ClientSecretView> secrets, String publicBaseUrl) {
            return new OAuthClientView(client.id(), client.id().toString(), client.description(), client.createdAt(),
                    client.lastUsedAt(), publicBaseUrl + "/oauth2/token", secrets);
        }
    }
}
