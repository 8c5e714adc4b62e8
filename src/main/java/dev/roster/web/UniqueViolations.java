package dev.roster.web;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique_violation (SQLSTATE 23505) however deeply a driver or Hibernate wrapped it. */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 16;

    private UniqueViolations() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
