package dev.roster.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;

/** A rule as it is evaluated: parsed once, matched in memory against the resource document an event carries. */
record Rule(String resourceType, Filter filter, ObjectNode labels, boolean applyOnUpdate) {

    boolean appliesTo(String type, boolean created) {
        return resourceType.equals(type) && (created || applyOnUpdate);
    }

    boolean matches(FilterEvaluator evaluator, JsonNode resource) {
        return evaluator.matches(filter, resource);
    }
}
