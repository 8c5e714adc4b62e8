package dev.roster.console;

import dev.roster.activity.ActivityLog;
import dev.roster.activity.ActivityQuery;
import dev.roster.failure.Failure;
import dev.roster.tenant.Ids;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The activity page's filter form, as typed: a status ({@code 404}, {@code 4xx}, {@code 400-499}, as the admin API
 * reads it), a time range in UTC (a date-time input's {@code 2026-12-07T14:00}, or RFC 3339), a resource id. Blank
 * fields filter nothing.
 */
public record ActivityFilter(String status, String from, String to, String resourceId) {

    ActivityQuery query(UUID tenantId, UUID before, int limit) {
        int[] range = ActivityLog.statusRange(status);
        UUID resource = blank(resourceId) ? null : Ids.parse(resourceId.strip()).orElseThrow(() ->
                Failure.invalid("The resource id must be a user's or group's id (a UUID)."));
        return new ActivityQuery(tenantId, range == null ? null : range[0], range == null ? null : range[1],
                instant(from, "from"), instant(to, "to"), resource, before, limit);
    }

    /** The address of the page after the entry {@code lastId}, with this filter. */
    String pageAfter(UUID tenantId, UUID lastId) {
        return "/console/tenants/" + tenantId + "/activity?before=" + lastId + param("status", status)
                + param("from", from) + param("to", to) + param("resourceId", resourceId);
    }

    private static String param(String name, String value) {
        return blank(value) ? "" : "&" + name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
    }

    private static Instant instant(String text, String field) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        try {
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.parse(value)
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Failure.invalid("'" + field + "' must be a date and time such as 2026-12-07T14:00 (UTC).");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
