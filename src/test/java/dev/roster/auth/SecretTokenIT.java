package dev.roster.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link SecretTokenTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class SecretTokenIT extends SecretTokenTest {
}
