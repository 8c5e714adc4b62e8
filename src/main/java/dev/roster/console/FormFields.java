package dev.roster.console;

import dev.roster.failure.Failure;

/** The console forms' free-text fields, bounded as the admin API bounds them; a refusal says which field and why. */
final class FormFields {

    private FormFields() {
    }

    /**
     * A description as typed (trimmed), or {@code whenBlank} when none was; longer than
     * {@value ConsoleResource#MAX_FIELD_LENGTH} characters is refused (400 on the page), not cut.
     */
    static String description(String typed, String whenBlank) {
        String text = typed == null || typed.isBlank() ? whenBlank : typed.strip();
        if (text != null && text.length() > ConsoleResource.MAX_FIELD_LENGTH) {
            throw Failure.invalid("A description has at most " + ConsoleResource.MAX_FIELD_LENGTH + " characters.");
        }
        return text;
    }
}
