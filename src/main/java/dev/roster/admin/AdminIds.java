package dev.roster.admin;

import dev.roster.tenant.Ids;
import dev.roster.failure.Failure;

import java.util.UUID;

/** Ids in admin paths are UUIDs; anything else names nothing, so it is a 404, not a 500 or a 400. */
final class AdminIds {

    private AdminIds() {
    }

    static UUID tenant(String text) {
        return parse(text, "tenant");
    }

    static UUID parse(String text, String kind) {
        return Ids.parse(text).orElseThrow(() -> Failure.notFound("No " + kind + " '" + truncate(text) + "'."));
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
