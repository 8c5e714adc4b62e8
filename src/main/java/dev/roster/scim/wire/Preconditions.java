package dev.roster.scim.wire;

import dev.roster.scim.error.ScimException;

/** If-Match on writes (RFC 7644 §3.14): a stale version is refused with 412 and nothing changes. */
public final class Preconditions {

    private Preconditions() {
    }

    public static void check(String ifMatch, long currentVersion) {
        if (ETags.present(ifMatch) && !ETags.listed(ifMatch, Meta.etagOf(currentVersion))) {
            throw ScimException.preconditionFailed("The resource changed since it was read (its version is now "
                    + Meta.etagOf(currentVersion) + "); read it again and retry.");
        }
    }
}
