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

    /** Fails when the host resolves to an address deliveries may not reach. */
    public Uni<Void> checkAddress(URI uri) {
        if (config.webhooks().allowPrivateAddresses()) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(() -> {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw Failure.invalid("The host of 'url' (" + uri.getHost() + ") does not resolve.");
            }
            for (InetAddress address : addresses) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    throw Failure.invalid("'url' resolves to a private, loopback or link-local address ("
                            + address.getHostAddress() + "); deliveries go to public endpoints only.");
                }
            }
            return null;
        }, false).replaceWithVoid();
    }

    /** IPv6 unique local addresses (fc00::/7), which InetAddress does not call site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
