package dev.roster.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders k8s/overlays/{dev,prod} with {@code kubectl kustomize} (as an operator's {@code kubectl apply -k} would)
 * and checks the deployment invariants on what comes out. Each rule lives in {@link ManifestRules} and returns its
 * violations; {@link #everyRuleRejectsABrokenManifest()} shows that each one does fail on a broken manifest.
 */
class RenderedManifestsTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final Map<String, String> NAMESPACES = Map.of("dev", "roster-dev", "prod", "roster");

    @org.junit.jupiter.api.BeforeAll
    static void kubectlIsThere() {
        Kustomize.requireKubectl();
    }

    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(name,
                n -> Kustomize.build(n, RepoPaths.resolve("k8s/overlays/" + n)));
    }

    private static void assertNoViolations(String overlay, List<String> violations) {
        assertTrue(violations.isEmpty(),
                () -> "k8s/overlays/" + overlay + ":\n  - " + String.join("\n  - ", violations));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void rendersEachDeployableKindOnceAndNoSecret(String overlay) {
        assertNoViolations(overlay, ManifestRules.kinds(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerProbesItsOwnQuarkusHealthEndpoint(String overlay) {
        assertNoViolations(overlay, ManifestRules.probes(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        assertNoViolations(overlay, ManifestRules.resources(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void containersRunNonRootOnAReadOnlyRootFilesystemWithoutCapabilities(String overlay) {
        assertNoViolations(overlay, ManifestRules.security(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void tmpIsAWritableEmptyDir(String overlay) {
        assertNoViolations(overlay, ManifestRules.writableTmp(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void imagesArePinnedToAVersionNeverLatest(String overlay) {
        assertNoViolations(overlay, ManifestRules.pinnedImages(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void runsAtLeastTwoReplicas(String overlay) {
        assertNoViolations(overlay, ManifestRules.replicas(overlay(overlay), 2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void aDisruptionBudgetSelectsTheDeploymentsPods(String overlay) {
        assertNoViolations(overlay, ManifestRules.podDisruptionBudget(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theAutoscalerNeverGoesBelowTwoPods(String overlay) {
        assertNoViolations(overlay, ManifestRules.autoscaler(overlay(overlay), 2));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theIngressTerminatesTlsForEveryHostAndHidesQuarkusEndpoints(String overlay) {
        assertNoViolations(overlay, ManifestRules.ingress(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void thePublicUrlIsTheIngressHostOverHttps(String overlay) {
        assertNoViolations(overlay, ManifestRules.publicUrl(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void secretsComeOnlyFromSecretObjects(String overlay) {
        assertNoViolations(overlay, ManifestRules.secrets(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theServiceReachesThePodsHttpPort(String overlay) {
        assertNoViolations(overlay, ManifestRules.service(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void aNetworkPolicyRestrictsBothDirections(String overlay) {
        assertNoViolations(overlay, ManifestRules.networkPolicy(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void podsMountNoServiceAccountToken(String overlay) {
        assertNoViolations(overlay, ManifestRules.serviceAccount(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theGracePeriodCoversPreStopAndDrain(String overlay) {
        assertNoViolations(overlay, ManifestRules.gracefulShutdown(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesQuarkusMetrics(String overlay) {
        assertNoViolations(overlay, ManifestRules.prometheus(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigurationVariableIsSet(String overlay) {
        assertNoViolations(overlay, ManifestRules.configuration(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void podsSpreadOverNodesAndZones(String overlay) {
        assertNoViolations(overlay, ManifestRules.topologySpread(overlay(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectLandsInTheOverlaysNamespace(String overlay) {
        assertNoViolations(overlay, ManifestRules.namespaces(overlay(overlay), NAMESPACES.get(overlay)));
        JsonNode ns = overlay(overlay).named("Namespace", NAMESPACES.get(overlay));
        assertNotNull(ns, "the overlay creates its namespace");
        assertEquals("restricted",
                ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText(),
                "the namespace enforces the restricted Pod Security Standard");
    }

    @Test
    void prodRunsMorePodsWithMoreMemoryAndJsonLogs() {
        Manifests dev = overlay("dev");
        Manifests prod = overlay("prod");
        JsonNode devDeployment = dev.ofKind("Deployment").getFirst();
        JsonNode prodDeployment = prod.ofKind("Deployment").getFirst();
        int devReplicas = devDeployment.path("spec").path("replicas").asInt();
        int prodReplicas = prodDeployment.path("spec").path("replicas").asInt();
        assertTrue(prodReplicas >= 3 && prodReplicas > devReplicas,
                "prod replicas " + prodReplicas + " should be at least 3 and more than dev's " + devReplicas);
        int prodMin = prod.ofKind("HorizontalPodAutoscaler").getFirst().path("spec").path("minReplicas").asInt();
        assertTrue(prodMin >= 3, "prod HPA minReplicas " + prodMin + " should be at least 3");

        JsonNode devContainer = dev.podTemplates().getFirst().containers().getFirst();
        JsonNode prodContainer = prod.podTemplates().getFirst().containers().getFirst();
        assertTrue(ManifestRules.memoryLimit(prodContainer).compareTo(ManifestRules.memoryLimit(devContainer)) > 0,
                "prod memory limit should exceed dev's");
        JsonNode prodResources = prodContainer.path("resources");
        assertEquals(Quantity.parse(prodResources.path("requests").path("memory").asText()),
                Quantity.parse(prodResources.path("limits").path("memory").asText()),
                "prod memory request equals its limit (no overcommit; the heap is sized from the limit)");

        assertEquals("true", prod.environment(prodContainer).get("QUARKUS_LOG_CONSOLE_JSON"), "prod logs JSON");
        assertEquals("false", dev.environment(devContainer).get("QUARKUS_LOG_CONSOLE_JSON"), "dev logs plain text");
        assertEquals("DoNotSchedule", spreadOn(prod, "kubernetes.io/hostname"),
                "prod never stacks two pods of a release on one node");
        assertEquals("ScheduleAnyway", spreadOn(dev, "kubernetes.io/hostname"),
                "dev schedules on a one-node cluster");
    }

    /**
     * The ServiceMonitor is optional (it needs the Prometheus Operator's CRDs). Enable it the way the prod overlay's
     * comment tells an operator to, in a copy of k8s/, and check what it renders.
     */
    @Test
    void theOptionalServiceMonitorSelectsTheServiceAndItsPort(@TempDir Path dir) throws IOException {
        Path source = RepoPaths.resolve("k8s");
        Path copy = dir.resolve("k8s");
        try (var files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(source.relativize(p).toString()));
            }
        }
        Path prodKustomization = copy.resolve("overlays/prod/kustomization.yaml");
        String commented = "# components:\n#   - ../../components/servicemonitor\n";
        String prod = Files.readString(prodKustomization);
        assertTrue(prod.contains(commented), "the prod overlay shows how to enable the ServiceMonitor:\n" + commented);
        Files.writeString(prodKustomization,
                prod.replace(commented, "components:\n  - ../../components/servicemonitor\n"));

        Manifests withMonitor = Kustomize.build("prod+servicemonitor", copy.resolve("overlays/prod"));
        List<JsonNode> monitors = withMonitor.ofKind("ServiceMonitor");
        assertEquals(1, monitors.size(), "the component adds one ServiceMonitor");
        JsonNode monitor = monitors.getFirst();
        JsonNode service = withMonitor.ofKind("Service").getFirst();
        assertEquals("roster", monitor.path("metadata").path("namespace").asText());
        assertTrue(ManifestRules.selects(monitor.path("spec").path("selector"),
                service.path("metadata").path("labels")), "the ServiceMonitor selects the Service");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        List<String> servicePorts = Manifests.list(service.path("spec").path("ports")).stream()
                .map(p -> p.path("name").asText()).toList();
        assertTrue(servicePorts.contains(endpoint.path("port").asText()),
                "the ServiceMonitor scrapes a named port of the Service " + servicePorts);
    }

    /**
     * The rules can fail: each one, run on a copy of the prod manifests broken in exactly the way it guards
     * against, reports a violation (and none on the intact copy).
     */
    @Test
    void everyRuleRejectsABrokenManifest() {
        record Case(String breakage, Function<Manifests, List<String>> rule, java.util.function.Consumer<Manifests> breakIt) {
        }
        List<Case> cases = List.of(
                new Case("a Secret committed", ManifestRules::kinds, m -> {
                    ObjectNode secret = m.docs().getFirst().deepCopy();
                    secret.removeAll();
                    secret.put("kind", "Secret").putObject("metadata").put("name", "roster-secrets");
                    addDoc(m, secret);
                }),
                new Case("readiness probe on /", ManifestRules::probes,
                        m -> ((ObjectNode) container(m).path("readinessProbe").path("httpGet")).put("path", "/")),
                new Case("startup probe removed", ManifestRules::probes,
                        m -> ((ObjectNode) container(m)).remove("startupProbe")),
                new Case("no memory limit", ManifestRules::resources,
                        m -> ((ObjectNode) container(m).path("resources").path("limits")).remove("memory")),
                new Case("runAsNonRoot false", ManifestRules::security, m -> {
                    ((ObjectNode) container(m).path("securityContext")).put("runAsNonRoot", false);
                }),
                new Case("writable root filesystem", ManifestRules::security,
                        m -> ((ObjectNode) container(m).path("securityContext")).remove("readOnlyRootFilesystem")),
                new Case("/tmp not mounted", ManifestRules::writableTmp,
                        m -> ((ArrayNode) container(m).path("volumeMounts")).remove(0)),
                new Case("latest tag", ManifestRules::pinnedImages,
                        m -> ((ObjectNode) container(m)).put("image", "ghcr.io/roster-dev/roster:latest")),
                new Case("no tag", ManifestRules::pinnedImages,
                        m -> ((ObjectNode) container(m)).put("image", "ghcr.io/roster-dev/roster")),
                new Case("one replica", m -> ManifestRules.replicas(m, 2),
                        m -> ((ObjectNode) deployment(m).path("spec")).put("replicas", 1)),
                new Case("PDB selecting other pods", ManifestRules::podDisruptionBudget,
                        m -> ((ObjectNode) m.ofKind("PodDisruptionBudget").getFirst().path("spec").path("selector")
                                .path("matchLabels")).put("app.kubernetes.io/name", "other")),
                new Case("HPA min 1", m -> ManifestRules.autoscaler(m, 2),
                        m -> ((ObjectNode) m.ofKind("HorizontalPodAutoscaler").getFirst().path("spec"))
                                .put("minReplicas", 1)),
                new Case("Ingress without TLS", ManifestRules::ingress,
                        m -> ((ObjectNode) m.ofKind("Ingress").getFirst().path("spec")).remove("tls")),
                new Case("Ingress routing /", ManifestRules::ingress,
                        m -> ((ObjectNode) m.ofKind("Ingress").getFirst().path("spec").path("rules").get(0)
                                .path("http").path("paths").get(0)).put("path", "/")),
                new Case("public URL on another host", ManifestRules::publicUrl,
                        m -> ((ObjectNode) m.ofKind("ConfigMap").getFirst().path("data"))
                                .put("ROSTER_PUBLIC_URL", "https://elsewhere.example.org")),
                new Case("password in the ConfigMap", ManifestRules::secrets,
                        m -> ((ObjectNode) m.ofKind("ConfigMap").getFirst().path("data"))
                                .put("QUARKUS_DATASOURCE_PASSWORD", "hunter2")),
                new Case("signing key outside the secret volume", ManifestRules::secrets,
                        m -> ((ObjectNode) m.ofKind("ConfigMap").getFirst().path("data"))
                                .put("ROSTER_OAUTH_SIGNING_KEY_LOCATION", "/tmp/signing-key.pem")),
                new Case("Service targeting 9000", ManifestRules::service,
                        m -> ((ObjectNode) m.ofKind("Service").getFirst().path("spec").path("ports").get(0))
                                .put("targetPort", 9000)),
                new Case("NetworkPolicy without Egress", ManifestRules::networkPolicy,
                        m -> ((ArrayNode) m.ofKind("NetworkPolicy").getFirst().path("spec").path("policyTypes"))
                                .remove(1)),
                new Case("token mounted", ManifestRules::serviceAccount,
                        m -> ((ObjectNode) podSpec(m)).put("automountServiceAccountToken", true)),
                new Case("grace period too short", ManifestRules::gracefulShutdown,
                        m -> ((ObjectNode) podSpec(m)).put("terminationGracePeriodSeconds", 30)),
                new Case("no scrape annotation", ManifestRules::prometheus,
                        m -> ((ObjectNode) deployment(m).path("spec").path("template").path("metadata")
                                .path("annotations")).remove("prometheus.io/scrape")),
                new Case("JDBC URL for another database", ManifestRules::configuration,
                        m -> ((ObjectNode) m.ofKind("ConfigMap").getFirst().path("data"))
                                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://other:5432/roster")),
                new Case("no spread over nodes", ManifestRules::topologySpread,
                        m -> ((ArrayNode) podSpec(m).path("topologySpreadConstraints")).remove(1)),
                new Case("two spread constraints on one key", ManifestRules::topologySpread, m -> {
                    ArrayNode spread = (ArrayNode) podSpec(m).path("topologySpreadConstraints");
                    spread.add(spread.get(1).deepCopy());
                }),
                new Case("object in another namespace", m -> ManifestRules.namespaces(m, "roster"),
                        m -> ((ObjectNode) m.ofKind("Service").getFirst().path("metadata")).put("namespace", "default")));

        for (Case c : cases) {
            Manifests intact = overlay("prod").copy();
            assertTrue(c.rule().apply(intact).isEmpty(), "rule for '" + c.breakage() + "' passes on intact prod");
            Manifests broken = overlay("prod").copy();
            c.breakIt().accept(broken);
            assertFalse(c.rule().apply(broken).isEmpty(), "rule did not catch: " + c.breakage());
        }
    }

    @Test
    void imageReferencesAreReadLikeARegistryDoes() {
        assertTrue(ImageRef.parse("ghcr.io/roster-dev/roster:0.1.0").pinned());
        assertTrue(ImageRef.parse("ghcr.io/roster-dev/roster@sha256:0123abcd").pinned());
        assertFalse(ImageRef.parse("ghcr.io/roster-dev/roster").pinned(), "no tag means latest");
        assertFalse(ImageRef.parse("ghcr.io/roster-dev/roster:latest").pinned());
        assertFalse(ImageRef.parse("localhost:5000/roster").pinned(), "a registry port is not a tag");
        assertEquals("localhost:5000/roster", ImageRef.parse("localhost:5000/roster:1.2").repository());
    }

    private static String spreadOn(Manifests m, String topologyKey) {
        return Manifests.list(podSpec(m).path("topologySpreadConstraints")).stream()
                .filter(t -> t.path("topologyKey").asText().equals(topologyKey))
                .map(t -> t.path("whenUnsatisfiable").asText())
                .findFirst().orElseGet(() -> fail("no spread constraint on " + topologyKey));
    }

    private static JsonNode deployment(Manifests m) {
        return m.ofKind("Deployment").getFirst();
    }

    private static JsonNode podSpec(Manifests m) {
        return deployment(m).path("spec").path("template").path("spec");
    }

    private static JsonNode container(Manifests m) {
        return podSpec(m).path("containers").get(0);
    }

    private static void addDoc(Manifests m, JsonNode doc) {
        try {
            m.docs().add(doc);
        } catch (UnsupportedOperationException immutable) {
            fail("Manifests.copy() must return a mutable document list");
        }
    }
}
