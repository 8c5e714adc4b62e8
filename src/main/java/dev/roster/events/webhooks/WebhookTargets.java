package dev.roster.events.webhooks;

import dev.roster.config.RosterConfig;
import dev.roster.failure.Failure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where deliveries may go (issue 11, item 2): https only, unless {@code roster.webhooks.allow-http}; never to loopback,
 * private, link-local or unspecified addresses unless {@code roster.webhooks.allow-private-addresses}, checked when an
 * endpoint is registered and again before every delivery (a name may resolve elsewhere later). Names are resolved on a
 * worker thread, never on the event loop.
 */
@ApplicationScoped
public class WebhookTargets {

    static final int MAX_URL_LENGTH = 2_000;

    @Inject
    RosterConfig config;
    @Inject
    Vertx vertx;

    /** The URL's syntax and scheme, at once; throws an invalid-request failure naming the problem. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > MAX_URL_LENGTH ? null : new URI(url.trim());
        } catch (Exception e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            throw Failure.invalid("'url' must be an absolute https URL of at most " + MAX_URL_LENGTH + " characters.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.webhooks().allowHttp())) {
            throw Failure.invalid("'url' must use https.");
        }
        if (uri.getUserInfo() != null) {
            throw Failure.invalid("'url' must not carry credentials; authenticate deliveries by their signature.");
        }
        return uri;
    }

    /**
     * The address to connect to: the host's first address, once every address it resolves to has been checked; fails
     * when one of them is an address deliveries may not reach. Deliveries connect to exactly this address (the name
     * still goes in Host and SNI), so a name that resolves elsewhere a moment later (DNS rebinding) is never followed.
     * Null when private addresses are allowed: then the HTTP client resolves the name itself.
     */
    public Uni<InetAddress> vettedAddress(URI uri) {
        if (config.webhooks().allowPrivateAddresses()) {
            return Uni.createFrom().nullItem();
        }
        return vertx.executeBlocking(() -> {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw Failure.invalid("The host of 'url' (" + uri.getHost() + ") does not resolve.");
            }
            for (InetAddress address : addresses) {
                if (isBlocked(address)) {
                    throw Failure.invalid("'url' resolves to a private, loopback or link-local address ("
                            + address.getHostAddress() + "); deliveries go to public endpoints only.");
                }
            }
            return addresses[0];
        }, false);
    }

    /** Fails when the host resolves to an address deliveries may not reach (at registration). */
    public Uni<Void> checkAddress(URI uri) {
        return vettedAddress(uri).replaceWithVoid();
    }

    /**
     * Loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata at 169.254.169.254), unspecified,
     * multicast, carrier-grade NAT (100.64/10), "this network" (0/8), benchmarking (198.18/15) and NAT64 (64:ff9b::/96,
     * which reaches IPv4 inside) addresses.
     */
    static boolean isBlocked(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127)
                    || (first == 198 && (second == 18 || second == 19));
        }
        boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && java.util.stream.IntStream.range(4, 12).allMatch(i -> b[i] == 0);
        return uniqueLocal || nat64;
    }
}
