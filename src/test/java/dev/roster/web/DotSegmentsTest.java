package dev.roster.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dot-segment grammar of {@link DotSegments}: raw and percent-encoded dots, path parameters, and near misses. */
class DotSegmentsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/admin/v1/tenants/x/tokens/.., true",
            "/admin/v1/tenants/x/tokens/%2e%2e, true",
            "/admin/v1/tenants/x/tokens/.%2e, true",
            "/admin/v1/tenants/x/tokens/%2E%2E, true",
            "/admin/v1/tenants/x/tokens/%2e., true",
            "/scim/v2/t/Users/u/., true",
            "/scim/v2/t/Users/u/%2e, true",
            "/scim/v2/t/Users/u/./, true",
            "/scim/v2/../Users, true",
            "/./scim, true",
            "/.., true",
            "/scim/v2/t/Users/..;jsessionid=1, true",
            "/scim/v2/t/Users/.%3Bx, true",
            "/scim/v2/t/Users/.%3bx, true",
            "/scim/v2/t/Users/u, false",
            "/scim/v2/t/Users/.search, false",
            "/scim/v2/t/Users/..., false",
            "/scim/v2/t/Users/%2e%2e%2e, false",
            "/scim/v2/t/Users/a.b, false",
            "/scim/v2/t/Users/..a, false",
            "/scim/v2/t/Users/%2e%2, false",
            "/scim/v2/t/Users/%2, false",
            "/scim/v2//Users, false",
            "/, false",
            "'', false",
    })
    void findsDotSegments(String path, boolean expected) {
        assertEquals(expected, DotSegments.present(path));
    }
}
