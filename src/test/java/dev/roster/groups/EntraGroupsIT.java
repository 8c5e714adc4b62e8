package dev.roster.groups;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link EntraGroupsTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class EntraGroupsIT extends EntraGroupsTest {
}
