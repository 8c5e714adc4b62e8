package dev.roster.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.failure.Failure;

import java.util.Iterator;
import java.util.Map;

/** What a rule's labels may be, checked alike by the admin API and the console. */
public final class RuleLabels {

    public static final int MAX_LABELS = 20;
    public static final int MAX_LABEL_LENGTH = 200;

    private RuleLabels() {
    }

    /** Labels are a flat object of short strings, numbers or booleans (what a host keys a template or a flow on). */
    public static ObjectNode check(JsonNode labels) {
        if (labels == null || !labels.isObject() || labels.isEmpty() || labels.size() > MAX_LABELS) {
            throw Failure.invalid("'labels' must be an object of 1 to " + MAX_LABELS + " labels, such as"
                    + " {\"cardTemplate\": \"A\"}.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            JsonNode value = label.getValue();
            if (label.getKey().isBlank() || label.getKey().length() > MAX_LABEL_LENGTH || !value.isValueNode()
                    || value.isNull() || value.asText().length() > MAX_LABEL_LENGTH) {
                throw Failure.invalid("Label '" + label.getKey() + "' must have a name and a string, number or boolean"
                        + " value of at most " + MAX_LABEL_LENGTH + " characters.");
            }
        }
        return (ObjectNode) labels;
    }

}
