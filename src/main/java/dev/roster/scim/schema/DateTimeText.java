package dev.roster.scim.schema;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;

/**
 * Whether a string is an xsd:dateTime (RFC 7643 §2.3.5), such as {@code 2011-05-13T04:42:34Z}: a date, {@code T}, and
 * a time with seconds (xsd:dateTime and RFC 3339 both require them; {@code 2016-03-01T12:22} is not one), with an
 * optional fraction and offset.
 */
final class DateTimeText {

    /** Longer strings are not dateTimes; the bound keeps hostile input away from the formatter. */
    private static final int MAX_LENGTH = 64;
    private static final java.util.regex.Pattern WITH_SECONDS = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private DateTimeText() {
    }

    static boolean isDateTime(String text) {
        if (text.length() < 19 || text.length() > MAX_LENGTH || !WITH_SECONDS.matcher(text).lookingAt()) {
            return false;
        }
        try {
            // An offset is optional in xsd:dateTime; ISO_DATE_TIME accepts both forms.
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
