package dev.roster.users;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link EntraUsersTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class EntraUsersIT extends EntraUsersTest {
}
