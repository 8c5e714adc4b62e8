package dev.roster.web;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of a request: the client's {@code X-Request-Id} when it is sane, otherwise a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "roster.requestId";
    public static final String MDC_KEY = "requestId";
    /** The span attribute naming the request id when tracing is on. */
    public static final String SPAN_ATTRIBUTE = "roster.request_id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Keeps a client-supplied id only if it cannot inject anything into logs or headers. */
    public static String chooseFor(String clientValue) {
        return clientValue != null && SAFE.matcher(clientValue).matches() ? clientValue : UUID.randomUUID().toString();
    }

    public static String of(RoutingContext rc) {
        String id = rc == null ? null : rc.get(CONTEXT_KEY);
        return id == null ? "unknown" : id;
    }
}
