package dev.roster.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link OAuthClientCredentialsTest} against the packaged application (jar here, native executable where GraalVM exists). */
@QuarkusIntegrationTest
class OAuthClientCredentialsIT extends OAuthClientCredentialsTest {
}
