package dev.roster.discovery;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Reruns {@link DiscoveryTest} against the packaged application. */
@QuarkusIntegrationTest
class DiscoveryIT extends DiscoveryTest {
}
