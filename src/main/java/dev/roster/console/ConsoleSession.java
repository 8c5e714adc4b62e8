package dev.roster.console;

import java.time.Instant;

/**
 * A signed-in operator: who signed in ({@code admin-key} or {@code jwt:<subject>}, the audit log's actor), the CSRF token
 * every form of this session carries, when the session began and when it was last used (idle timeout).
 */
public record ConsoleSession(String subject, String csrf, Instant issuedAt, Instant lastSeen) {

    /** The audit log's actor for what this operator does through the console. */
    public String actor() {
        return "console:" + subject;
    }
}
