package dev.roster.tenant;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562 §5.7): new rows land at the right edge of their indexes, and ordering
 * by id is ordering by creation, which keeps cursor pagination simple and stable.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Parses a UUID, or empty when the text is not one (never throws: ids in paths are client input). */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
