package dev.roster.scim.error;

/**
 * The {@code scimType} values of RFC 7644 §3.12, Table 9 (and RFC 9865's invalidCursor), spelled as they travel on
 * the wire.
 */
public enum ScimType {
    INVALID_FILTER("invalidFilter"),
    TOO_MANY("tooMany"),
    UNIQUENESS("uniqueness"),
    MUTABILITY("mutability"),
    INVALID_SYNTAX("invalidSyntax"),
    INVALID_PATH("invalidPath"),
    NO_TARGET("noTarget"),
    INVALID_VALUE("invalidValue"),
    INVALID_VERS("invalidVers"),
    SENSITIVE("sensitive"),
    /** RFC 9865 §5 (cursor pagination): the cursor is not one this server issued. */
    INVALID_CURSOR("invalidCursor");

    private final String wireName;

    ScimType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
