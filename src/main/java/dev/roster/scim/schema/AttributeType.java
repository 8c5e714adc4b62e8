package dev.roster.scim.schema;

import java.util.Optional;

/** The data types of RFC 7643 §2.3, spelled as they travel in a Schema resource (§7). */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Types whose values are JSON strings compared as text (RFC 7643 §2.3.1, §2.3.6, §2.3.7). */
    public boolean isTextual() {
        return this == STRING || this == REFERENCE || this == BINARY;
    }

    public static Optional<AttributeType> fromWireName(String name) {
        for (AttributeType type : values()) {
            if (Names.equalsIgnoreCase(type.wireName, name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
