package dev.roster.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 5: the migrations store every string as {@code text}, so every entity's string column says so;
 * otherwise Hibernate expects {@code varchar(255)} and dev mode greets a newcomer with a schema-validation ERROR and
 * twenty suggested ALTER TABLEs on every start.
 */
class EntityColumnsTest {

    @Test
    void i14_5_everyStringColumnIsText() {
        List<String> entities = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.roster")) {
            Class<?> entity = type.reflect();
            if (!entity.isAnnotationPresent(Entity.class)) {
                continue;
            }
            entities.add(entity.getSimpleName());
            for (Field field : entity.getDeclaredFields()) {
                if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())
                        || field.isAnnotationPresent(jakarta.persistence.Transient.class)) {
                    continue;
                }
                Column column = field.getAnnotation(Column.class);
                if (column == null || !"text".equals(column.columnDefinition())) {
                    wrong.add(entity.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertTrue(entities.size() >= 10, "the entities were found: " + entities);
        assertEquals(List.of(), wrong, "string columns not declared as text");
    }
}
