package dev.roster.scim.filter;

import dev.roster.scim.schema.Names;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute path, RFC 7644 §3.4.2.2: {@code attrPath = [URI ":"] ATTRNAME *1subAttr}, for example {@code userName},
 * {@code name.familyName} or {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>The spelling a client used is kept (it is printed back and named in error details), but equality and hashing ignore
 * case, because attribute names and schema URIs are case-insensitive (RFC 7643 §2.1); {@link #key()} is the normalised form.
 *
 * @param schema       the schema URN, or {@code null} when the path has none
 * @param name         the attribute name
 * @param subAttribute the sub-attribute name, or {@code null}
 */
public record AttrPath(String schema, String name, String subAttribute) {

    public AttrPath {
        Objects.requireNonNull(name, "name");
        if (!isAttributeName(name)) {
            throw new IllegalArgumentException("not an attribute name: " + name);
        }
        if (subAttribute != null && !isAttributeName(subAttribute)) {
            throw new IllegalArgumentException("not an attribute name: " + subAttribute);
        }
        if (schema != null && !isSchemaUrn(schema)) {
            throw new IllegalArgumentException("not a schema URN: " + schema);
        }
    }

    public static AttrPath of(String name) {
        return new AttrPath(null, name, null);
    }

    public static AttrPath of(String name, String subAttribute) {
        return new AttrPath(null, name, subAttribute);
    }

    public static AttrPath qualified(String schema, String name, String subAttribute) {
        return new AttrPath(schema, name, subAttribute);
    }

    public boolean hasSchema() {
        return schema != null;
    }

    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** A bare {@code ATTRNAME}: no URN, no sub-attribute. Paths inside a value filter are of this kind. */
    public boolean isSimpleName() {
        return schema == null && subAttribute == null;
    }

    public Optional<String> schemaUrn() {
        return Optional.ofNullable(schema);
    }

    public Optional<String> sub() {
        return Optional.ofNullable(subAttribute);
    }

    /** This path without its sub-attribute: {@code name} for {@code name.givenName}. */
    public AttrPath parent() {
        return subAttribute == null ? this : new AttrPath(schema, name, null);
    }

    /** This path with {@code sub} as its sub-attribute. */
    public AttrPath child(String sub) {
        return new AttrPath(schema, name, sub);
    }

    /** The normalised (lower-case) printed form: equal paths have equal keys. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }

    /** What this path names in {@code resourceType}, or empty when it names nothing there. */
    public Optional<ResolvedAttribute> resolveIn(ResourceType resourceType) {
        return resourceType.resolve(schema, name, subAttribute);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttrPath that
                && Names.equalsIgnoreCase(name, that.name)
                && equalIgnoringCase(schema, that.schema)
                && equalIgnoringCase(subAttribute, that.subAttribute);
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** The printed form: {@code [schema:]name[.subAttribute]}, as spelled. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schema != null) {
            text.append(schema).append(':');
        }
        text.append(name);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    /**
     * {@code ATTRNAME = ALPHA *(nameChar)}, {@code nameChar = "-" / "_" / DIGIT / ALPHA} (RFC 7643 §2.1), plus
     * {@code $ref}-style names with one leading "$", which RFC 7643 uses for references although its ABNF omits them.
     */
    public static boolean isAttributeName(String text) {
        int start = text.startsWith("$") ? 1 : 0;
        if (text.length() <= start || !isAlpha(text.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /**
     * A schema URI as it may prefix an attribute: it starts with a letter (a URI scheme does, RFC 3986 §3.1) and holds only
     * visible ASCII other than the filter's delimiters {@code ( ) [ ] "}, so that it reads back as one token.
     */
    public static boolean isSchemaUrn(String text) {
        if (text.isEmpty() || !isAlpha(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '[' || c == ']' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean equalIgnoringCase(String a, String b) {
        return a == null ? b == null : b != null && Names.equalsIgnoreCase(a, b);
    }
}
