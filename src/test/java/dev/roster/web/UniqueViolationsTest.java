package dev.roster.web;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniqueViolationsTest {

    @Test
    void findsUniqueViolationsThroughWrappers() {
        PgException duplicate = new PgException("duplicate key value violates unique constraint", "ERROR", "23505",
                "Key (tenant_id, lower(user_name)) already exists.");
        assertTrue(UniqueViolations.isUniqueViolation(duplicate));
        assertTrue(UniqueViolations.isUniqueViolation(new CompletionException(new IllegalStateException(duplicate))));
    }

    @Test
    void ignoresOtherFailures() {
        assertFalse(UniqueViolations.isUniqueViolation(new PgException("deadlock", "ERROR", "40P01", null)));
        assertFalse(UniqueViolations.isUniqueViolation(new IllegalStateException("boom")));
        assertFalse(UniqueViolations.isUniqueViolation(null));
    }
}
