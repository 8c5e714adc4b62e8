package dev.roster.discovery;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link ScimPlumbingTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class ScimPlumbingIT extends ScimPlumbingTest {
}
