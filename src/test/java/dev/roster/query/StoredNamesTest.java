package dev.roster.query;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, item 2: every entity and property name the filter compiler writes into HQL ({@link StoredNames}) exists in
 * Hibernate's metamodel of the features' entities, so renaming a field of UserEntity breaks this test, not a query at
 * run time.
 */
@QuarkusTest
class StoredNamesTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void i13_2_everyNameTheCompilerUsesIsMapped() {
        for (Map.Entry<String, List<String>> entity : StoredNames.PROPERTIES.entrySet()) {
            EntityType<?> type = sessions.getMetamodel().getEntities().stream()
                    .filter(candidate -> candidate.getName().equals(entity.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("no entity named " + entity.getKey()));
            for (String property : entity.getValue()) {
                assertDoesNotThrow(() -> type.getAttribute(property), entity.getKey() + "." + property);
            }
        }
        assertEquals(4, StoredNames.PROPERTIES.size());
    }
}
