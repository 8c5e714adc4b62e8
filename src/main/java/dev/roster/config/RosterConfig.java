package dev.roster.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every Roster setting in one typed place; the README documents each one. */
@ConfigMapping(prefix = "roster")
public interface RosterConfig {

    /** Public base URL (no trailing slash needed), env {@code ROSTER_PUBLIC_URL}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Bootstrap admin key, env {@code ROSTER_ADMIN_KEY}; absent means JWT-only admin access. */
    Optional<String> adminKey();

    Auth auth();

    OAuth oauth();

    Admin admin();

    Users users();

    Entra entra();

    Http http();

    Limits limits();

    Audit audit();

    SyncHealth syncHealth();

    AccessLog accessLog();

    Scim scim();

    Console console();

    /** The operator console at /console (issue 16). */
    interface Console {
        /** A session unused this long is signed out. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("12H")
        Duration maxAge();

        /**
         * The key that signs session cookies, shared by every pod (env {@code ROSTER_CONSOLE_SESSION_KEY}); absent, it is
         * derived from the admin key, and with no admin key either each pod signs with a key of its own (a WARN says so).
         */
        Optional<String> sessionKey();

        /** Whether the session cookie is marked Secure (HTTPS only); off in dev mode, where Roster listens on http. */
        @WithDefault("true")
        boolean secureCookie();
    }

    /** SCIM protocol choices. */
    interface Scim {
        /**
         * Whether /ServiceProviderConfig lists RFC 9865's {@code pagination} capability (a tenant's
         * {@code advertisePagination} overrides it); strict RFC 7643 clients refuse the unknown attribute.
         */
        @WithDefault("true")
        boolean advertisePagination();
    }

    /** One JSON line per request on the roster.access log category (issue 15, item 8). */
    interface AccessLog {
        @WithDefault("true")
        boolean enabled();
    }

    /** Sync health per tenant (issue 15, item 4). */
    interface SyncHealth {
        /** A syncing tenant silent this long is stalled: three missed 40-minute Entra cycles by default. */
        @WithDefault("2H")
        java.time.Duration stalledAfter();

        /** How often every pod checks every tenant (scheduler syntax). */
        @WithDefault("1m")
        String checkInterval();

        /** How long after start the first check runs (scheduler syntax). */
        @WithDefault("30s")
        String firstCheckDelay();

        /** Credentials expiring within this become a credential.expiring event and show in the tenant's health. */
        @WithDefault("14d")
        java.time.Duration expiringWithin();
    }

    /** The admin audit log (issue 15, item 6). */
    interface Audit {
        /** How long entries are kept. */
        @WithDefault("365d")
        java.time.Duration retention();

        /** How often older entries are purged (scheduler syntax). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /**
     * Fair use (issue 15, item 5): each tenant's SCIM requests, per pod, by default; a tenant's {@code limits} override
     * them. A cluster of N pods behind a balancer admits about N times these.
     */
    interface Limits {
        /** Off only to measure what the caps cost. */
        @WithDefault("true")
        boolean enabled();

        /** SCIM requests of one tenant in progress at once; the next wait for a place up to queueTimeout. */
        @WithDefault("16")
        int concurrentRequests();

        /** SCIM requests of one tenant per second (a second's worth may come at once). */
        @WithDefault("100")
        int requestsPerSecond();

        /** How long a request may wait for a place before it is answered 429. */
        @WithDefault("2S")
        java.time.Duration queueTimeout();

        /** How long a request that comes a little early is held back (paced) rather than answered 429. */
        @WithDefault("1S")
        java.time.Duration maxDelay();
    }

    Webhooks webhooks();

    Events events();

    Activity activity();

    /** The transactional outbox and its feed (issue 11). */
    interface Events {
        /** Off only to measure what events cost (bench/events-figures.sh); a host app relies on them. */
        @WithDefault("true")
        boolean enabled();

        /** How often committed events get their feed positions. */
        @WithDefault("200ms")
        Duration sequenceInterval();

        /**
         * How long events stay in the feed, and finished deliveries and their attempts in the delivery records; an event
         * with a pending delivery stays until it is delivered or dead.
         */
        @WithDefault("30d")
        Duration retention();

        /** How often older events and deliveries are purged (scheduler syntax). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** The per-tenant activity log (issue 11). */
    interface Activity {
        /** Off only to measure what the log costs (bench/events-figures.sh). */
        @WithDefault("true")
        boolean enabled();

        /** How long entries are kept. */
        @WithDefault("30d")
        Duration retention();

        /** How often older entries are purged (scheduler syntax). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** Webhook deliveries (issue 11): where they may go, how long they wait, how often they are retried. */
    interface Webhooks {
        /** Allow http:// endpoints (development only; production endpoints are https). */
        @WithDefault("false")
        boolean allowHttp();

        /** Allow endpoints that resolve to loopback, private or link-local addresses (tests, development). */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** The first retry's delay; each next one doubles, with jitter, up to retryMax. */
        @WithDefault("5S")
        Duration retryBase();

        @WithDefault("1H")
        Duration retryMax();

        /** Attempts before a delivery is dead (listed, and redeliverable through the admin API). */
        @WithDefault("10")
        int maxAttempts();

        /** How long a receiver has to answer. */
        @WithDefault("10S")
        Duration timeout();

        /** How often each pod looks for due deliveries. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** How long a delivery may stay undelivered before it is dead, however few attempts it has had. */
        @WithDefault("3d")
        Duration maxAge();

        /** Consecutive failed attempts to one endpoint that open its circuit (no pod posts to it for circuitOpenFor). */
        @WithDefault("5")
        int circuitFailures();

        /** How long an open circuit stays open before a single probe delivery is tried. */
        @WithDefault("30S")
        Duration circuitOpenFor();
    }

    /**
     * Request bounds checked by Roster itself, so that a refusal carries a body in the surface's error format. The Vert.x
     * limits (quarkus.http.limits.*) are set well above these and only stop what no client should ever send.
     */
    interface Http {
        /** Longest request target (path and query) in characters; longer ones get 414. */
        @WithDefault("8192")
        int maxUriLength();

        /** Most bytes of request headers (names and values); more gets 431. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /** Largest declared request body (Content-Length) in bytes; more gets 413. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    interface Entra {
        /**
         * Where Entra ID's workload-identity tokens come from: {@code iss} is {@code <authority>/<entra tenant>/v2.0}
         * and the keys are at {@code <authority>/<entra tenant>/discovery/v2.0/keys}.
         */
        @WithDefault("https://login.microsoftonline.com")
        String authority();
    }

    interface Users {
        /** How often soft-deleted users past their tenant's retention period are purged (scheduler syntax). */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** Read by the embedded PostgreSQL config source (src/embedded); declared here so they are documented and validated. */
    EmbeddedPg embeddedPg();

    interface EmbeddedPg {
        /** Start an embedded PostgreSQL when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Its data directory, relative to the working directory. */
        @WithDefault(".roster/pg")
        String dir();

        /** Wipe the directory at start (tests). */
        @WithDefault("false")
        boolean clean();
    }

    interface Auth {
        /** Upper bound for how long a revoked credential may still be accepted by another pod. */
        @WithDefault("5S")
        Duration credentialCacheTtl();

        /** lastUsedAt is written at most this often per credential (docs/architecture.md, "The hot path"). */
        @WithDefault("60S")
        Duration lastUsedWriteInterval();
    }

    interface OAuth {
        @WithDefault("60M")
        Duration tokenLifetime();

        /** PKCS#8 PEM private RSA key that signs access tokens; absent -> an ephemeral key per process (dev only). */
        Optional<String> signingKeyLocation();

        /** PEM public keys of previous signing keys, still accepted until the tokens they signed have expired. */
        Optional<List<String>> retiredPublicKeyLocations();
    }

    interface Admin {
        Jwt jwt();

        interface Jwt {
            Optional<String> issuer();

            /** PEM file, JWKS file or JWKS URL of the admin token issuer. */
            Optional<String> publicKeyLocation();

            /** Expected audience, if the issuer sets one. */
            Optional<String> audience();

            @WithDefault("roster-admin")
            String group();
        }
    }

    /** The public URL without a trailing slash. */
    default String publicBaseUrl() {
        String url = publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether the admin API accepts any credential: the bootstrap admin key, or admin JWTs (issuer and key set). */
    default boolean adminCredentialConfigured() {
        return adminKey().filter(key -> !key.isBlank()).isPresent()
                || admin().jwt().issuer().isPresent() && admin().jwt().publicKeyLocation().isPresent();
    }

    /** A tenant's Tenant URL, the SCIM base Entra is given: events and the admin API show resources in this form. */
    default String tenantUrl(java.util.UUID tenantId) {
        return publicBaseUrl() + "/scim/v2/" + tenantId;
    }
}
