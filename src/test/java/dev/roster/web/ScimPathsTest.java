package dev.roster.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScimPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/scim/v2/t/Users, /scim/v2/t/Users",
            "/scim/v2/t//Users, /scim/v2/t/Users",
            "/scim/v2/t///Users//x, /scim/v2/t/Users/x",
            "/scim/v2/t/Users/, /scim/v2/t/Users",
            "/scim/v2//, /scim/v2",
            "/, /",
            "//, /",
    })
    void collapsesSlashRunsAndDropsTrailingSlash(String raw, String expected) {
        assertEquals(expected, ScimPaths.normalize(raw));
    }
}
