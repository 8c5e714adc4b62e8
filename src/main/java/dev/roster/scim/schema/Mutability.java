package dev.roster.scim.schema;

/** RFC 7643 §7 "mutability": whether and when a client may write an attribute. */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wireName;

    Mutability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
