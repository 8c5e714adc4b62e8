package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which top-level attributes a write touched: every attribute of a new document, or those a replacement changed. */
public final class DocumentChanges {

    private DocumentChanges() {
    }

    /** The attribute names of a document, in its order. */
    public static List<String> attributes(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The attributes whose values differ between two documents, added and removed ones included. */
    public static List<String> between(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(name -> {
            if (!after.get(name).equals(before.get(name))) {
                names.add(name);
            }
        });
        before.fieldNames().forEachRemaining(name -> {
            if (!after.has(name)) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }
}
