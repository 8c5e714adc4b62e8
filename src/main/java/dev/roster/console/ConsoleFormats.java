package dev.roster.console;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console and the setup page write values for people. A time is written in UTC by the server (readable without
 * JavaScript); the pages' script rewrites it in the viewer's zone from the {@code datetime} attribute.
 */
@TemplateExtension
public final class ConsoleFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleFormats() {
    }

    /** {@code 2026-12-07 15:43:42 UTC}. */
    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** The same for a time already written as ISO-8601 (views built from JSON); anything else is left as it is. */
    static String utc(String iso) {
        try {
            return utc(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return iso;
        }
    }
}
