package dev.roster.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link TenantAdminTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class TenantAdminIT extends TenantAdminTest {
}
