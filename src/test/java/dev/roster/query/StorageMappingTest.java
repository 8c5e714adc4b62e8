package dev.roster.query;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, item 2: every name the features publish to the compiler ({@link ResourceStorage}) and every row-table
 * property the compiler writes ({@link RowScopes#PROPERTIES}) exists in Hibernate's metamodel, so renaming a field of an
 * entity breaks this test, not a query at run time.
 */
@QuarkusTest
class StorageMappingTest {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Instance<ResourceStorage> storages;

    private EntityType<?> entity(String name) {
        return sessions.getMetamodel().getEntities().stream().filter(type -> type.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity named " + name));
    }

    private void assertProperty(EntityType<?> type, String property) {
        assertDoesNotThrow(() -> type.getAttribute(property), type.getName() + "." + property);
    }

    @Test
    void i13_2_everyPublishedNameIsMapped() {
        List<ResourceStorage> published = storages.stream().toList();
        assertEquals(2, published.size(), "users and groups publish their storage");
        for (ResourceStorage storage : published) {
            EntityType<?> type = entity(storage.entity());
            for (String always : List.of("id", "tenantId", "deletedAt", "doc")) {
                assertProperty(type, always);
            }
            storage.columns().values().forEach(column -> assertProperty(type, column.property()));
            for (RowSource source : RowSource.values()) {
                storage.rowEntity(source).ifPresent(rows -> RowScopes.PROPERTIES.get(source)
                        .forEach(property -> assertProperty(entity(rows), property)));
            }
        }
    }

    @Test
    void i13_2_everyRowTableHasAnOwner() {
        RowScopes.Tables tables = RowScopes.Tables.of(storages.stream().toList());
        assertEquals("UserValueEntity", tables.userValues());
        assertEquals("MemberEntity", tables.members());
        assertEquals("GroupEntity", tables.groups());
    }
}
