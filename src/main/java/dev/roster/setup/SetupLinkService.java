package dev.roster.setup;

import dev.roster.auth.credential.Secrets;
import dev.roster.auth.oauth.OAuthClientService;
import dev.roster.auth.token.SecretTokenService;
import dev.roster.config.RosterConfig;
import dev.roster.failure.Failure;
import dev.roster.tenant.Ids;
import dev.roster.tenant.TenantEntity;
import dev.roster.tenant.TenantService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Setup links (issue 16, item 2): issued per tenant through the admin API, each opens once, before it expires, and
 * opening it issues the credential the customer's IT admin pastes into Entra. Opening is a POST from the link's page
 * (never the GET of the link itself: mail scanners fetch links, and must not use them up).
 */
@ApplicationScoped
public class SetupLinkService {

    /** Description of the credential a link issues, as the tenant's token list shows it. */
    static final String CREDENTIAL_DESCRIPTION = "Entra provisioning (setup link)";
    static final Duration MAX_VALIDITY = Duration.ofDays(7);

    @Inject
    SetupLinkRepository links;
    @Inject
    TenantService tenants;
    @Inject
    SecretTokenService tokens;
    @Inject
    OAuthClientService oauthClients;
    @Inject
    RosterConfig config;

    /** A new link and its URL, which holds the link's secret: shown to the admin API's caller this once. */
    public record Issued(SetupLinkEntity link, String url) {
    }

    /** What opening a link did. */
    public sealed interface Opening permits Opened, Refused {
    }

    /** Opened now: the credential, shown this once (a token, or an OAuth client with its first secret). */
    public record Opened(SetupLinkEntity link, TenantEntity tenant, SecretTokenService.Generated token,
                         OAuthClientService.Created oauthClient) implements Opening {
    }

    /** Not opened: why (the link may be null when it names nothing). */
    public record Refused(Reason reason, SetupLinkEntity link) implements Opening {
    }

    public enum Reason { UNKNOWN, EXPIRED, ALREADY_OPENED }

    @WithTransaction
    public Uni<Issued> issue(UUID tenantId, String credential, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw Failure.invalid("A setup link is valid for 1 to " + MAX_VALIDITY.toHours() + " hours.");
        }
        return tenants.requireExists(tenantId).chain(() -> {
            String secret = Secrets.generate(Secrets.SETUP_LINK_PREFIX);
            SetupLinkEntity link = new SetupLinkEntity();
            link.id = Ids.newId();
            link.tenantId = tenantId;
            link.secretHash = Secrets.sha256(secret);
            link.credential = credential;
            link.createdAt = Instant.now();
            link.expiresAt = link.createdAt.plus(validity);
            return links.persist(link).map(saved -> new Issued(saved, url(secret)));
        });
    }

    /** The page address of a link's secret. */
    public String url(String secret) {
        return config.publicBaseUrl() + "/setup/" + secret;
    }

    @WithSession
    public Uni<List<SetupLinkEntity>> ofTenant(UUID tenantId, int limit) {
        return tenants.requireExists(tenantId).chain(() -> links.ofTenant(tenantId, limit));
    }

    /** The link a secret names, whatever its state; null when it names none. */
    @WithSession
    public Uni<SetupLinkEntity> find(String secret) {
        return plausible(secret) ? links.findBySecretHash(Secrets.sha256(secret)) : Uni.createFrom().nullItem();
    }

    @WithSession
    public Uni<TenantEntity> tenantOf(SetupLinkEntity link) {
        return tenants.find(link.tenantId);
    }

    /**
     * Opens a link: in one transaction, with the link's row locked, so of two browsers opening it at once exactly one
     * gets a credential.
     */
    public Uni<Opening> open(String secret) {
        if (!plausible(secret)) {
            return Uni.createFrom().item(new Refused(Reason.UNKNOWN, null));
        }
        return Panache.withTransaction(() -> links.lockBySecretHash(Secrets.sha256(secret)).chain(link -> {
            if (link == null) {
                return Uni.createFrom().item(new Refused(Reason.UNKNOWN, null));
            }
            SetupLinkEntity.State state = link.state(Instant.now());
            if (state != SetupLinkEntity.State.OPEN) {
                return Uni.createFrom().item(new Refused(state == SetupLinkEntity.State.OPENED
                        ? Reason.ALREADY_OPENED : Reason.EXPIRED, link));
            }
            return tenants.find(link.tenantId).chain(tenant -> {
                link.openedAt = Instant.now();
                if (SetupLinkEntity.OAUTH.equals(link.credential)) {
                    return oauthClients.create(link.tenantId, CREDENTIAL_DESCRIPTION, null).map(created -> {
                        link.credentialId = created.client().id();
                        return (Opening) new Opened(link, tenant, null, created);
                    });
                }
                return tokens.generate(link.tenantId, CREDENTIAL_DESCRIPTION, null).map(generated -> {
                    link.credentialId = generated.summary().id();
                    return (Opening) new Opened(link, tenant, generated, null);
                });
            });
        }));
    }

    /** A secret worth a lookup: Roster's prefix and a bounded length (a link's text is client input). */
    private static boolean plausible(String secret) {
        return secret != null && secret.startsWith(Secrets.SETUP_LINK_PREFIX) && secret.length() <= 100;
    }
}
