package dev.roster.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths as templates: every id segment (a UUID) written as {@code {id}}, so a log line or an audit entry names the route
 * ({@code /admin/v1/tenants/{id}/webhooks/{id}}) and not the instance. One pattern for the access log and the audit log.
 */
public final class RouteTemplates {

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "(?<=/)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

    private RouteTemplates() {
    }

    /** The path with each id segment as {@code {id}}. */
    public static String of(String path) {
        return ID_SEGMENT.matcher(path).replaceAll("{id}");
    }

    /** The last id segment of the path, or null. */
    public static UUID lastId(String path) {
        Matcher matcher = ID_SEGMENT.matcher(path);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last == null ? null : UUID.fromString(last);
    }
}
