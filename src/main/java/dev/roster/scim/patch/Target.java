package dev.roster.scim.patch;

import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.Schema;

/** What a PATCH path (or one member of a pathless value) names in a resource type. */
sealed interface Target {

    /**
     * A registered attribute: {@code userName}, {@code name.givenName}, {@code emails[type eq "work"].value},
     * {@code urn:...:enterprise:2.0:User:manager}.
     *
     * @param resolved  the attribute, with {@code subAttribute} set for {@code name.givenName} (no filter)
     * @param path      the attribute path without filter, for binding the filter to the attribute
     * @param filter    the value filter, or null
     * @param filterSub the sub-attribute after the filter, or null
     * @param label     how the client named the target, for error details
     */
    record Attribute(ResolvedAttribute resolved, AttrPath path, Filter filter, AttributeDef filterSub, String label)
            implements Target {

        AttributeDef top() {
            return resolved.attribute();
        }

        /** The sub-attribute a path names without a filter ({@code givenName} of {@code name.givenName}), or null. */
        AttributeDef pathSub() {
            return resolved.subAttribute();
        }

        /** The definition the operation writes: the filter's sub-attribute, the path's sub-attribute, or the attribute. */
        AttributeDef written() {
            if (filterSub != null) {
                return filterSub;
            }
            return resolved.target();
        }
    }

    /** A Group's {@code members}: memberships, applied to a table, never to the document. */
    record Members(Filter filter, String filterSub) implements Target {
    }

    /** A path that names a whole schema: the core schema or a registered extension, such as {@code urn:...:enterprise:2.0:User}. */
    record SchemaObject(Schema schema, boolean core) implements Target {
    }

    /**
     * An attribute of an extension the tenant has not registered: stored and echoed as received, not checked
     * (docs/entra.md, Q11).
     *
     * @param urn  the extension's URN, the member of the resource that holds its object
     * @param name the attribute
     * @param sub  the sub-attribute, or null
     */
    record Unregistered(String urn, String name, String sub) implements Target {
    }

    /** A path naming the whole object of an unregistered extension, such as {@code urn:acme:2.0:User}. */
    record UnregisteredObject(String urn) implements Target {
    }
}
