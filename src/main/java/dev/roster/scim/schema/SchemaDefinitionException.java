package dev.roster.scim.schema;

/** A custom extension schema submitted by a tenant's admin is malformed; the message says what to fix. */
public final class SchemaDefinitionException extends RuntimeException {

    public SchemaDefinitionException(String message) {
        super(message, null, false, false);
    }
}
