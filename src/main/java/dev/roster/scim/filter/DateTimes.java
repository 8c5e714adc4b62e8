package dev.roster.scim.filter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * xsd:dateTime values (RFC 7643 §2.3.5), such as {@code 2011-05-13T04:42:34Z} or {@code 2011-05-13T06:42:34.5+02:00}.
 * A value without an offset is read as UTC: xsd leaves it "local", and a server has no better local time than UTC.
 */
final class DateTimes {

    /** Longer strings are not dateTimes; the bound keeps hostile input from reaching the formatter. */
    private static final int MAX_LENGTH = 64;

    private DateTimes() {
    }

    static Optional<Instant> parse(String text) {
        if (text.length() < 16 || text.length() > MAX_LENGTH || text.charAt(4) != '-') {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
