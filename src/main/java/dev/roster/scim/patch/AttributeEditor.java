package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.CompiledFilter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeValues;
import dev.roster.scim.schema.JsonFields;
import dev.roster.scim.schema.Mutability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies add, replace and remove to one registered attribute of a document, RFC 7644 §3.5.2.1-3:
 * <ul>
 *   <li>add: multi-valued attributes gain the new values (exact duplicates are skipped); a single-valued attribute is set,
 *   which is also what Entra means by Add (Q3); a complex attribute gets the sub-attributes sent.</li>
 *   <li>replace: a multi-valued attribute's values are all replaced; a complex attribute gets the sub-attributes sent and
 *   keeps the others (§3.5.2.3); a filtered path without sub-attribute replaces each matching element whole.</li>
 *   <li>remove: the attribute, the matching elements, or the sub-attribute of the matching elements; a target that matches
 *   nothing is already removed, so nothing happens (Entra retries idempotently).</li>
 *   <li>null, "" (Entra, R-19), [] and {} clear what they are written to.</li>
 * </ul>
 * Mutability (RFC 7643 §7, RFC 7644 §3.5.2): a path naming a readOnly attribute is a mutability error, while a pathless
 * value's readOnly members are ignored (clients echo {@code id} and {@code meta}, Q12); writeOnly values ({@code password})
 * are accepted and never stored (README, "SCIM"); an immutable value may be set once; a required attribute cannot be
 * removed or cleared.
 */
final class AttributeEditor {

    private final ObjectNode root;
    private final FilterEvaluator evaluator;

    AttributeEditor(ObjectNode root, FilterEvaluator evaluator) {
        this.root = root;
        this.evaluator = evaluator;
    }

    void apply(Kind kind, Target.Attribute target, JsonNode value, boolean pathless) {
        if (!writable(target, pathless)) {
            return;
        }
        if (target.filter() != null) {
            if (kind == Kind.REMOVE) {
                removeFiltered(target);
            } else {
                writeFiltered(kind, target, value);
            }
        } else if (target.pathSub() != null) {
            if (kind == Kind.REMOVE) {
                writeSub(target, null);
            } else {
                writeSub(target, AttributeValues.coerceSimple(target.pathSub(), value, target.label()));
            }
        } else {
            switch (kind) {
                case ADD -> add(target, value);
                case REPLACE -> replace(target, value);
                case REMOVE -> remove(target, value);
            }
        }
    }

    private static boolean writable(Target.Attribute target, boolean pathless) {
        AttributeDef top = target.top();
        AttributeDef written = target.written();
        if (top.mutability() == Mutability.READ_ONLY || written.mutability() == Mutability.READ_ONLY) {
            if (pathless) {
                return false;
            }
            throw ScimException.mutability("\"" + target.label() + "\" is read-only: the service provider sets it, and"
                    + " clients cannot change it (RFC 7643 §7)");
        }
        return top.mutability() != Mutability.WRITE_ONLY && written.mutability() != Mutability.WRITE_ONLY;
    }

    // ---- whole attribute ----------------------------------------------------------------------------------------

    private void add(Target.Attribute target, JsonNode value) {
        AttributeDef top = target.top();
        if (top.multiValued()) {
            append(target, value);
        } else if (top.isComplex()) {
            merge(target, value);
        } else {
            set(target, AttributeValues.coerceSingle(top, value, target.label()));
        }
    }

    private void replace(Target.Attribute target, JsonNode value) {
        AttributeDef top = target.top();
        if (top.multiValued()) {
            set(target, AttributeValues.coerceMultiValued(top, value, target.label()));
        } else if (top.isComplex()) {
            merge(target, value);
        } else {
            set(target, AttributeValues.coerceSingle(top, value, target.label()));
        }
    }

    private void remove(Target.Attribute target, JsonNode value) {
        if (target.top().multiValued() && value != null && !value.isNull()) {
            removeListed(target, value);
        } else {
            set(target, null);
        }
    }

    /** RFC 7644 §3.5.2.1: new values are added; one already present is not added twice. */
    private void append(Target.Attribute target, JsonNode value) {
        ArrayNode incoming = AttributeValues.coerceMultiValued(target.top(), value, target.label());
        if (incoming == null) {
            return;
        }
        ArrayNode elements = currentElements(target);
        List<Integer> touched = new ArrayList<>();
        for (JsonNode element : incoming) {
            if (!contains(elements, element)) {
                elements.add(element);
                touched.add(elements.size() - 1);
            }
        }
        if (!touched.isEmpty()) {
            MultiValues.settlePrimary(elements, touched);
            set(target, elements);
        }
    }

    /** A complex attribute: the sub-attributes sent are set or cleared, the others kept (RFC 7644 §3.5.2.3). */
    private void merge(Target.Attribute target, JsonNode value) {
        if (AttributeValues.isUnassigned(value)) {
            set(target, null);
            return;
        }
        ObjectNode patch = AttributeValues.coerceSubAttributes(target.top(), value, target.label());
        JsonNode current = current(target);
        ObjectNode merged = current != null && current.isObject() ? current.deepCopy() : root.objectNode();
        applySubAttributes(target, merged, patch);
        set(target, merged.isEmpty() ? null : merged);
    }

    /** Entra removes by value list (Q4, Q9): only the listed values go, and an empty list removes nothing. */
    private void removeListed(Target.Attribute target, JsonNode value) {
        JsonNode current = current(target);
        if (current == null || !current.isArray()) {
            return;
        }
        List<JsonNode> listed = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            JsonNode coerced = AttributeValues.coerceSingle(target.top(), item, target.label());
            if (coerced != null) {
                listed.add(coerced);
            }
        }
        ArrayNode kept = root.arrayNode();
        for (JsonNode element : current) {
            if (listed.stream().noneMatch(item -> MultiValues.matchesListed(target.top(), element, item))) {
                kept.add(element.deepCopy());
            }
        }
        set(target, kept.isEmpty() ? null : kept);
    }

    // ---- sub-attribute without filter: name.givenName, emails.type ------------------------------------------------

    private void writeSub(Target.Attribute target, JsonNode value) {
        AttributeDef sub = target.pathSub();
        if (target.top().multiValued()) {
            writeSubOfEveryElement(target, sub, value);
            return;
        }
        JsonNode current = current(target);
        if (current == null && value == null) {
            return;
        }
        ObjectNode object = current != null && current.isObject() ? current.deepCopy() : root.objectNode();
        setSub(object, sub, value, target.label());
        set(target, object.isEmpty() ? null : object);
    }

    /**
     * {@code emails.value} without a filter names the sub-attribute of every element (RFC 7644 §3.5.2 leaves it open);
     * with no elements yet, an add or replace creates one.
     */
    private void writeSubOfEveryElement(Target.Attribute target, AttributeDef sub, JsonNode value) {
        ArrayNode elements = currentElements(target);
        List<Integer> touched = new ArrayList<>();
        if (elements.isEmpty() && value != null) {
            elements.add(root.objectNode().set(sub.name(), value));
            touched.add(0);
        } else {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i).isObject()) {
                    setSub((ObjectNode) elements.get(i), sub, value, target.label());
                    touched.add(i);
                }
            }
        }
        finishElements(target, elements, touched);
    }

    // ---- value filters: emails[type eq "work"], emails[type eq "work"].value --------------------------------------

    private void writeFiltered(Kind kind, Target.Attribute target, JsonNode raw) {
        // A filtered path selects one element (or its sub-attribute), so its value is one value; clients that wrap
        // it in a one-element array (Microsoft's SCIM test collection does) mean that value (issue 14, item 20).
        JsonNode value = raw != null && raw.isArray() && raw.size() == 1 ? raw.get(0) : raw;
        CompiledFilter filter = evaluator.compileElementFilter(target.path(), target.filter());
        if (!target.top().multiValued()) {
            writeFilteredSingle(kind, target, filter, value);
            return;
        }
        ArrayNode elements = currentElements(target);
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).isObject() && filter.matches(elements.get(i))) {
                elements.set(i, orNull(update(kind, target, (ObjectNode) elements.get(i), value, false)));
                touched.add(i);
            }
        }
        if (touched.isEmpty()) {
            JsonNode created = update(kind, target, seed(target), value, true);
            if (!MultiValues.isMeaningful(target.top(), created)) {
                return;
            }
            elements.add(created);
            touched.add(elements.size() - 1);
        }
        finishElements(target, elements, touched);
    }

    /** A value filter on a single-valued complex attribute: {@code manager[value eq "id"]}. */
    private void writeFilteredSingle(Kind kind, Target.Attribute target, CompiledFilter filter, JsonNode value) {
        JsonNode current = current(target);
        JsonNode updated;
        if (current != null && current.isObject() && filter.matches(current)) {
            updated = update(kind, target, (ObjectNode) current, value, false);
        } else if (AttributeValues.isUnassigned(current)) {
            updated = update(kind, target, seed(target), value, true);
        } else {
            throw noTarget(target);
        }
        set(target, MultiValues.isMeaningful(target.top(), updated) ? updated : null);
    }

    /**
     * The new form of one selected element: its filter sub-attribute set, or (no sub-attribute) the value merged into it
     * for add and into a new element, or replacing it whole for replace (RFC 7644 §3.5.2.3, "change a User's entire work
     * address"). Null drops the element.
     */
    private JsonNode update(Kind kind, Target.Attribute target, ObjectNode element, JsonNode value, boolean created) {
        AttributeDef top = target.top();
        ObjectNode copy = element.deepCopy();
        if (target.filterSub() != null) {
            setSub(copy, target.filterSub(), AttributeValues.coerceSimple(target.filterSub(), value, target.label()),
                    target.label());
            return copy;
        }
        if (kind == Kind.REPLACE && !created) {
            JsonNode replacement = AttributeValues.coerceSingle(top, value, target.label());
            for (AttributeDef sub : top.subAttributes()) {
                requireMutable(sub, JsonFields.get(element, sub.name()), JsonFields.get(replacement, sub.name()),
                        target.label() + "." + sub.name());
            }
            return replacement;
        }
        if (!AttributeValues.isUnassigned(value)) {
            applySubAttributes(target, copy, AttributeValues.coerceSubAttributes(top, value, target.label()));
        }
        return copy;
    }

    private ObjectNode seed(Target.Attribute target) {
        return FilterSeed.of(target.top(), target.filter()).orElseThrow(() -> noTarget(target));
    }

    private static ScimException noTarget(Target.Attribute target) {
        return ScimException.noTarget("no value of \"" + target.top().name() + "\" matches \"" + target.label()
                + "\", and the filter does not describe a new one; create it with an add, or filter with \"eq\""
                + " comparisons joined by \"and\"");
    }

    private void removeFiltered(Target.Attribute target) {
        CompiledFilter filter = evaluator.compileElementFilter(target.path(), target.filter());
        JsonNode current = current(target);
        if (!target.top().multiValued()) {
            if (current != null && current.isObject() && filter.matches(current)) {
                JsonNode updated = target.filterSub() == null ? null : without((ObjectNode) current, target);
                set(target, MultiValues.isMeaningful(target.top(), updated) ? updated : null);
            }
            return;
        }
        if (current == null || !current.isArray()) {
            return;
        }
        ArrayNode elements = current.deepCopy();
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).isObject() && filter.matches(elements.get(i))) {
                elements.set(i, orNull(target.filterSub() == null ? null : without((ObjectNode) elements.get(i), target)));
                touched.add(i);
            }
        }
        if (target.filterSub() == null && !touched.isEmpty()) {
            requireMutable(target.top(), current, null, target.label());
        }
        finishElements(target, elements, touched);
    }

    private ObjectNode without(ObjectNode element, Target.Attribute target) {
        ObjectNode copy = element.deepCopy();
        setSub(copy, target.filterSub(), null, target.label());
        return copy;
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    /**
     * Drops the touched elements that no longer hold a value (null, {}, or an email without its address), settles
     * "primary" among the touched, and writes the array back.
     */
    private void finishElements(Target.Attribute target, ArrayNode elements, List<Integer> touched) {
        if (touched.isEmpty()) {
            return;
        }
        ArrayNode kept = root.arrayNode();
        List<Integer> keptTouched = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            boolean wasTouched = touched.contains(i);
            if (wasTouched && !MultiValues.isMeaningful(target.top(), element)) {
                continue;
            }
            if (wasTouched) {
                keptTouched.add(kept.size());
            }
            kept.add(element);
        }
        MultiValues.settlePrimary(kept, keptTouched);
        set(target, kept.isEmpty() ? null : kept);
    }

    private void applySubAttributes(Target.Attribute target, ObjectNode object, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            AttributeDef sub = target.top().subAttribute(member.getKey()).orElseThrow();
            JsonNode value = member.getValue().isNull() ? null : member.getValue();
            setSub(object, sub, value, target.label() + "." + sub.name());
        }
    }

    private static void setSub(ObjectNode object, AttributeDef sub, JsonNode value, String label) {
        JsonNode old = JsonFields.get(object, sub.name());
        if (equivalent(old, value)) {
            return;
        }
        requireMutable(sub, old, value, label);
        if (value == null) {
            JsonFields.remove(object, sub.name());
        } else {
            JsonFields.put(object, sub.name(), value);
        }
    }

    /** Writes the attribute's new value (null: unassigned), enforcing immutable and required. */
    private void set(Target.Attribute target, JsonNode value) {
        AttributeDef top = target.top();
        ObjectNode container = container(target, value != null);
        if (container == null) {
            return;
        }
        JsonNode old = JsonFields.get(container, top.name());
        if (equivalent(old, value)) {
            return;
        }
        requireMutable(top, old, value, target.label());
        if (value == null) {
            if (top.required()) {
                throw ScimException.mutability("\"" + top.name() + "\" is required; it cannot be removed or set to an"
                        + " empty value (RFC 7644 §3.5.2.2)");
            }
            JsonFields.remove(container, top.name());
        } else {
            JsonFields.put(container, top.name(), value);
        }
    }

    private static void requireMutable(AttributeDef def, JsonNode old, JsonNode value, String label) {
        if (def.mutability() == Mutability.IMMUTABLE && !AttributeValues.isUnassigned(old) && !equivalent(old, value)) {
            throw ScimException.mutability("\"" + label + "\" is immutable: it can be set once, but not changed or"
                    + " removed (RFC 7643 §7)");
        }
    }

    /** The object that holds the attribute: the resource, or its extension's object (created on first write). */
    private ObjectNode container(Target.Attribute target, boolean create) {
        if (!target.resolved().extension()) {
            return root;
        }
        String urn = target.resolved().schemaId();
        JsonNode extension = JsonFields.get(root, urn);
        if (extension != null && extension.isObject()) {
            return (ObjectNode) extension;
        }
        if (!create) {
            return null;
        }
        ObjectNode created = root.objectNode();
        JsonFields.put(root, urn, created);
        return created;
    }

    private JsonNode current(Target.Attribute target) {
        ObjectNode container = container(target, false);
        return container == null ? null : JsonFields.get(container, target.top().name());
    }

    /** A copy of the attribute's elements, to change and write back. */
    private ArrayNode currentElements(Target.Attribute target) {
        JsonNode current = current(target);
        if (current != null && current.isArray()) {
            return current.deepCopy();
        }
        ArrayNode elements = root.arrayNode();
        if (!AttributeValues.isUnassigned(current)) {
            elements.add(current.deepCopy());
        }
        return elements;
    }

    private static boolean contains(ArrayNode elements, JsonNode element) {
        for (JsonNode existing : elements) {
            if (AttributeValues.equivalent(existing, element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equivalent(JsonNode a, JsonNode b) {
        return AttributeValues.equivalent(a, b);
    }

    private JsonNode orNull(JsonNode node) {
        return node == null ? root.nullNode() : node;
    }
}
