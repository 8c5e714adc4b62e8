package dev.roster.scim.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types one tenant sees. {@link #standard()} holds User (with the enterprise extension) and Group;
 * {@link #withExtension(String, Schema)} returns a new registry with a tenant's custom extension added (for example
 * {@code urn:ietf:params:scim:schemas:extension:blink:2.0:User}, docs/entra.md, R-03). Immutable: one instance may be
 * shared by every request of a tenant, and {@link #standard()} by every tenant.
 */
public final class SchemaRegistry {

    public static final String USER = "User";
    public static final String GROUP = "Group";

    private static final SchemaRegistry STANDARD = new SchemaRegistry(List.of(
            new ResourceType(USER, "/Users", CoreSchemas.USER, List.of(CoreSchemas.ENTERPRISE_USER)),
            new ResourceType(GROUP, "/Groups", CoreSchemas.GROUP, List.of())));

    private final List<ResourceType> resourceTypes;

    private SchemaRegistry(List<ResourceType> resourceTypes) {
        this.resourceTypes = List.copyOf(resourceTypes);
    }

    public static SchemaRegistry standard() {
        return STANDARD;
    }

    /**
     * A registry with {@code extension} added to the resource type named {@code resourceTypeName}.
     *
     * @throws IllegalArgumentException when the resource type is unknown or a schema with that id already exists
     */
    public SchemaRegistry withExtension(String resourceTypeName, Schema extension) {
        ResourceType target = resourceType(resourceTypeName)
                .orElseThrow(() -> new IllegalArgumentException("no resource type " + resourceTypeName));
        if (schema(extension.id()).isPresent()) {
            throw new IllegalArgumentException("schema " + extension.id() + " is already registered");
        }
        List<ResourceType> updated = new ArrayList<>();
        for (ResourceType type : resourceTypes) {
            updated.add(type == target ? type.withExtension(extension) : type);
        }
        return new SchemaRegistry(updated);
    }

    public List<ResourceType> resourceTypes() {
        return resourceTypes;
    }

    /** The resource type by name ({@code User}, {@code Group}), case-insensitively. */
    public Optional<ResourceType> resourceType(String name) {
        for (ResourceType type : resourceTypes) {
            if (Names.equalsIgnoreCase(type.name(), name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public ResourceType user() {
        return resourceType(USER).orElseThrow();
    }

    public ResourceType group() {
        return resourceType(GROUP).orElseThrow();
    }

    /** Every schema, core schemas first, each once, in a stable order (for {@code /Schemas}). */
    public List<Schema> schemas() {
        List<Schema> all = new ArrayList<>();
        for (ResourceType type : resourceTypes) {
            all.add(type.schema());
        }
        for (ResourceType type : resourceTypes) {
            all.addAll(type.extensions());
        }
        return List.copyOf(all);
    }

    /** The schema with this URN, case-insensitively. */
    public Optional<Schema> schema(String id) {
        for (Schema schema : schemas()) {
            if (schema.hasId(id)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }
}
