package dev.roster.scim.patch;

/** The three operations of RFC 7644 §3.5.2, for dispatch inside the engine. */
enum Kind {
    ADD, REPLACE, REMOVE;

    static Kind of(PatchOp op) {
        return switch (op) {
            case PatchOp.Add ignored -> ADD;
            case PatchOp.Replace ignored -> REPLACE;
            case PatchOp.Remove ignored -> REMOVE;
        };
    }
}
