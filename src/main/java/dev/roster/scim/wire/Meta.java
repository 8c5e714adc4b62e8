package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code meta} complex attribute (RFC 7643 §3.1), always computed by the server. */
public record Meta(String resourceType, Instant created, Instant lastModified, String location, long version) {

    /** A weak entity tag from the row version (RFC 7644 §3.14). */
    public String etag() {
        return etagOf(version);
    }

    /**
     * Now, at the precision {@code meta.created} and {@code meta.lastModified} are shown (milliseconds). Writers store
     * this, so a filter with a value a client read back compares exactly: {@code meta.lastModified eq "<shown>"} finds
     * the resource and {@code gt} does not (delta reads by lastModified rely on it).
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String etagOf(long version) {
        return "W/\"" + version + "\"";
    }

    public ObjectNode toJson() {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", created.truncatedTo(ChronoUnit.MILLIS).toString());
        meta.put("lastModified", lastModified.truncatedTo(ChronoUnit.MILLIS).toString());
        meta.put("location", location);
        meta.put("version", etag());
        return meta;
    }
}
