package dev.roster.web;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.store.DatabaseFailure;

/**
 * What a client is told when the database refused or could not take its request: races end in 409 (a unique index, a
 * row deleted meanwhile, a transaction aborted again after its retries), unstorable text in 400, an unreachable
 * database in 503 with {@code Retry-After}. Never a 500 for a client's mistake or a race (issue 10, items 4, 6 and 8).
 */
public final class DatabaseErrors {

    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseErrors() {
    }

    /** The SCIM error for a database failure, or null when it is a server error. */
    public static ScimException asScim(Throwable failure) {
        return switch (DatabaseFailure.of(failure)) {
            case UNIQUE_VIOLATION -> ScimException.uniqueness("A concurrent request has just written a resource with the"
                    + " same unique value (userName or group displayName, compared case-insensitively); read it and"
                    + " match it, or change the value.");
            case FOREIGN_KEY_VIOLATION -> new ScimException(409, null, "A resource this request refers to was deleted"
                    + " while the request ran; read the resources again and retry.");
            case TRANSIENT_CONFLICT -> new ScimException(409, null, "The request collided with concurrent changes to the"
                    + " same resources and was retried without success; send it again.");
            case UNSTORABLE_TEXT -> new ScimException(400, ScimType.INVALID_VALUE, "A string value holds a character"
                    + " that cannot be stored (such as U+0000); remove it and retry.");
            case UNAVAILABLE -> new ScimException(503, null, "The directory store is unavailable for a moment; retry"
                    + " after " + RETRY_AFTER_SECONDS + " seconds.");
            case OTHER -> null;
        };
    }
}
