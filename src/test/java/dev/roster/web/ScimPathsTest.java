package dev.roster.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
            "/scim/v2/users, /scim/v2/Users",
            "/scim/v2/t/GROUPS/x, /scim/v2/t/Groups/x",
            "/scim/v2/serviceproviderconfig, /scim/v2/ServiceProviderConfig",
            "/scim/v2/t/Users/.SEARCH, /scim/v2/t/Users/.search",
            "/scim/v2/t/userss, /scim/v2/t/userss",
            "/admin/v1/users, /admin/v1/users",
    })
    void i14_20_collapsesSlashRunsDropsTrailingSlashAndSpellsEndpointsAsTheRfc(String raw, String expected) {
        assertEquals(expected, ScimPaths.normalize(raw));
    }

    @Test
    void splitsTheTenantUrlFormIntoTenantAndSingleUrlPath() {
        UUID tenant = UUID.fromString("01a217b3-4d40-7697-9bc2-a4e148517233");
        assertEquals(new ScimPaths.TenantUrl(tenant, "/scim/v2/Users"), ScimPaths.tenantUrl("/scim/v2/" + tenant + "/Users"));
        assertEquals(new ScimPaths.TenantUrl(tenant, "/scim/v2/Users/42"),
                ScimPaths.tenantUrl("/scim/v2/" + tenant + "/Users/42"));
        assertEquals(new ScimPaths.TenantUrl(tenant, "/scim/v2"), ScimPaths.tenantUrl("/scim/v2/" + tenant));
        assertNull(ScimPaths.tenantUrl("/scim/v2/Users"));
        assertNull(ScimPaths.tenantUrl("/scim/v2/ServiceProviderConfig"));
        assertNull(ScimPaths.tenantUrl("/scim/v2/not-a-tenant/Users"));
        assertNull(ScimPaths.tenantUrl("/admin/v1/tenants/" + tenant));
    }
}
