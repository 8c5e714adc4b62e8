package dev.roster.bulk;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link BulkTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class BulkIT extends BulkTest {
}
