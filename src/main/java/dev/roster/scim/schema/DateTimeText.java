package dev.roster.scim.schema;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;

/** Whether a string is an xsd:dateTime (RFC 7643 §2.3.5), such as {@code 2011-05-13T04:42:34Z}. */
final class DateTimeText {

    /** Longer strings are not dateTimes; the bound keeps hostile input away from the formatter. */
    private static final int MAX_LENGTH = 64;

    private DateTimeText() {
    }

    static boolean isDateTime(String text) {
        if (text.length() < 16 || text.length() > MAX_LENGTH || text.charAt(4) != '-') {
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
