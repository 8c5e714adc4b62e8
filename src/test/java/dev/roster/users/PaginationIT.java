package dev.roster.users;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link PaginationTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class PaginationIT extends PaginationTest {
}
