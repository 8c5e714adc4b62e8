package dev.roster.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link OperationsTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
