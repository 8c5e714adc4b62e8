package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One PATCH operation, RFC 7644 §3.5.2. Values are copied on construction, so an operation never shares mutable JSON with
 * the request it came from or with the resource it is applied to.
 *
 * <p>{@code value} is {@code null} when the request had no {@code value} member, and a {@code NullNode} when it sent
 * {@code "value": null} (Entra clears attributes that way, R-19).
 */
public sealed interface PatchOp permits PatchOp.Add, PatchOp.Remove, PatchOp.Replace {

    /** The target, or null for a pathless add/replace whose value names the attributes. */
    PatchPath path();

    JsonNode value();

    /** The operation name as RFC 7644 spells it. */
    String name();

    default Optional<PatchPath> target() {
        return Optional.ofNullable(path());
    }

    /** RFC 7644 §3.5.2.1: add a value (to a multi-valued attribute), or set it (single-valued). */
    record Add(PatchPath path, JsonNode value) implements PatchOp {
        public Add {
            value = Objects.requireNonNull(value, "value").deepCopy();
        }

        @Override
        public String name() {
            return "add";
        }
    }

    /** RFC 7644 §3.5.2.3: replace the value(s) at the target. */
    record Replace(PatchPath path, JsonNode value) implements PatchOp {
        public Replace {
            value = Objects.requireNonNull(value, "value").deepCopy();
        }

        @Override
        public String name() {
            return "replace";
        }
    }

    /**
     * RFC 7644 §3.5.2.2: remove the target; a path is required. A value is not part of RFC 7644, but Entra sends one
     * (members to remove, Q4; the value being removed, Q9); it narrows a multi-valued target to the listed values.
     */
    record Remove(PatchPath path, JsonNode value) implements PatchOp {
        public Remove {
            Objects.requireNonNull(path, "path: a remove needs a path (RFC 7644 §3.5.2.2)");
            value = value == null ? null : value.deepCopy();
        }

        public Remove(PatchPath path) {
            this(path, null);
        }

        @Override
        public String name() {
            return "remove";
        }
    }
}
