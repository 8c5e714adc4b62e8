package dev.roster.store;

/**
 * A conditional write found the row at another version than the one it read: another writer went first. The write is
 * run again from its read ({@link Transactions#retrying}); if it keeps losing, the client hears what a transient conflict
 * says (409, "send it again"), never a 500. Carries no stack trace: it is control flow.
 */
public final class StaleWrite extends RuntimeException {

    public StaleWrite(String what) {
        super(what + " changed while this request was writing it", null, false, false);
    }
}
