package dev.roster.scim.filter;

/** The JSON number grammar, RFC 8259 §6: {@code [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ("e"/"E") ["+"/"-"] 1*DIGIT ]}. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static boolean isJsonNumber(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            i = digits(text, i);
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            i = digits(text, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = digits(text, i);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static int digits(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
