package dev.roster.deploy;

import static dev.roster.deploy.Manifests.list;
import static dev.roster.deploy.Manifests.name;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.deploy.Manifests.PodTemplate;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment invariants, each a function from rendered manifests to the list of violations (empty when the
 * invariant holds). Returning violations instead of asserting lets the tests show every problem at once, and lets
 * them prove each rule rejects a broken manifest.
 */
final class ManifestRules {

    static final String IMAGE = "ghcr.io/roster-dev/roster";
    static final int HTTP_PORT = 8080;
    /** quarkus.shutdown.delay of application.properties: readiness DOWN while still serving, after SIGTERM. */
    static final int SHUTDOWN_DELAY_SECONDS = AppProperties.seconds("quarkus.shutdown.delay");
    /** quarkus.shutdown.timeout of application.properties: how long in-flight requests may drain after the delay. */
    static final int SHUTDOWN_TIMEOUT_SECONDS = AppProperties.seconds("quarkus.shutdown.timeout");
    /** Time the JVM needs to exit after draining, before the kubelet's SIGKILL. */
    static final int EXIT_MARGIN_SECONDS = 5;

    static final List<String> REQUIRED_CONFIG = List.of(
            "ROSTER_PUBLIC_URL",
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "ROSTER_OAUTH_SIGNING_KEY_LOCATION",
            "ROSTER_ADMIN_JWT_ISSUER",
            "ROSTER_ADMIN_JWT_PUBLIC_KEY_LOCATION",
            "QUARKUS_LOG_CONSOLE_JSON");

    /** Names whose values are secrets: they may only come from a Secret, never a ConfigMap or a literal. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|ADMIN_KEY|SECRET|PRIVATE|TOKEN).*");

    private ManifestRules() {
    }

    /** The kinds an operator deploys, each exactly once; and no Secret objects (they are created out of band). */
    static List<String> kinds(Manifests m) {
        List<String> v = new ArrayList<>();
        for (String kind : List.of("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "ServiceAccount", "ConfigMap")) {
            int n = m.ofKind(kind).size();
            if (n != 1) {
                v.add("expected exactly one " + kind + ", found " + n);
            }
        }
        for (JsonNode secret : m.ofKind("Secret")) {
            v.add(name(secret) + " is rendered: secrets must be created by the operator, never committed");
        }
        return v;
    }

    /** Liveness, readiness and startup probes on every container, each on its own /q/health endpoint. */
    static List<String> probes(Manifests m) {
        List<String> v = new ArrayList<>();
        Map<String, String> expected = Map.of(
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.containers()) {
                String where = pod.owner() + " container " + c.path("name").asText();
                for (var probe : expected.entrySet()) {
                    JsonNode http = c.path(probe.getKey()).path("httpGet");
                    if (http.isMissingNode()) {
                        v.add(where + " has no " + probe.getKey() + " with httpGet");
                        continue;
                    }
                    String path = http.path("path").asText();
                    if (!path.equals(probe.getValue())) {
                        v.add(where + " " + probe.getKey() + " checks '" + path + "', expected " + probe.getValue());
                    }
                    if (resolvePort(c, http.path("port")) != HTTP_PORT) {
                        v.add(where + " " + probe.getKey() + " port '" + http.path("port").asText()
                                + "' is not the container's port " + HTTP_PORT);
                    }
                }
            }
        }
        return v;
    }

    /** CPU and memory requests and limits on every container; memory limit at least the request. */
    static List<String> resources(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.allContainers()) {
                String where = pod.owner() + " container " + c.path("name").asText();
                JsonNode res = c.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        String q = res.path(kind).path(resource).asText("");
                        if (q.isBlank()) {
                            v.add(where + " has no " + kind + "." + resource);
                        } else if (Quantity.parse(q).signum() <= 0) {
                            v.add(where + " " + kind + "." + resource + " is not positive: " + q);
                        }
                    }
                }
                String req = res.path("requests").path("memory").asText("");
                String lim = res.path("limits").path("memory").asText("");
                if (!req.isBlank() && !lim.isBlank() && Quantity.parse(lim).compareTo(Quantity.parse(req)) < 0) {
                    v.add(where + " memory limit " + lim + " is below its request " + req);
                }
            }
        }
        return v;
    }

    /** Non-root, read-only root filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp. */
    static List<String> security(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            JsonNode podCtx = pod.spec().path("securityContext");
            if (podCtx.path("runAsUser").asLong(-1) == 0) {
                v.add(pod.owner() + " pod securityContext.runAsUser is 0 (root)");
            }
            for (JsonNode c : pod.allContainers()) {
                String where = pod.owner() + " container " + c.path("name").asText();
                JsonNode ctx = c.path("securityContext");
                if (!effective(ctx, podCtx, "runAsNonRoot").asBoolean(false)) {
                    v.add(where + " does not set runAsNonRoot: true");
                }
                if (effective(ctx, podCtx, "runAsUser").asLong(-1) == 0) {
                    v.add(where + " runs as uid 0");
                }
                if (!ctx.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(where + " does not set readOnlyRootFilesystem: true");
                }
                if (!ctx.path("allowPrivilegeEscalation").isBoolean()
                        || ctx.path("allowPrivilegeEscalation").asBoolean()) {
                    v.add(where + " does not set allowPrivilegeEscalation: false");
                }
                if (ctx.path("privileged").asBoolean(false)) {
                    v.add(where + " is privileged");
                }
                boolean dropsAll = list(ctx.path("capabilities").path("drop")).stream()
                        .anyMatch(cap -> cap.asText().equals("ALL"));
                if (!dropsAll) {
                    v.add(where + " does not drop ALL capabilities");
                }
                if (!list(ctx.path("capabilities").path("add")).isEmpty()) {
                    v.add(where + " adds capabilities " + ctx.path("capabilities").path("add"));
                }
                String seccomp = effective(ctx, podCtx, "seccompProfile").path("type").asText("");
                if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                    v.add(where + " has no RuntimeDefault seccomp profile");
                }
            }
        }
        return v;
    }

    /** With a read-only root filesystem, /tmp must be a writable emptyDir. */
    static List<String> writableTmp(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.containers()) {
                JsonNode mount = list(c.path("volumeMounts")).stream()
                        .filter(vm -> vm.path("mountPath").asText().equals("/tmp"))
                        .findFirst().orElse(null);
                String where = pod.owner() + " container " + c.path("name").asText();
                if (mount == null) {
                    v.add(where + " has no volume mounted at /tmp");
                    continue;
                }
                JsonNode volume = volume(pod, mount.path("name").asText());
                if (volume == null || !volume.has("emptyDir")) {
                    v.add(where + " mounts /tmp from '" + mount.path("name").asText() + "', which is not an emptyDir");
                }
                if (mount.path("readOnly").asBoolean(false)) {
                    v.add(where + " mounts /tmp read-only");
                }
            }
        }
        return v;
    }

    /** Every image pinned to a version tag or digest (never latest, never untagged), and Roster's own image. */
    static List<String> pinnedImages(Manifests m) {
        List<String> v = new ArrayList<>();
        boolean rosterImage = false;
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.allContainers()) {
                String image = c.path("image").asText("");
                String where = pod.owner() + " container " + c.path("name").asText();
                if (image.isBlank()) {
                    v.add(where + " has no image");
                    continue;
                }
                ImageRef ref = ImageRef.parse(image);
                if (!ref.pinned()) {
                    v.add(where + " image '" + image + "' " + ref.pinningProblem());
                }
                rosterImage |= ref.repository().equals(IMAGE);
            }
        }
        if (!rosterImage) {
            v.add("no container runs " + IMAGE);
        }
        return v;
    }

    /** At least {@code min} replicas, and the Deployment's count within the HPA's range. */
    static List<String> replicas(Manifests m, int min) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            int replicas = d.path("spec").path("replicas").asInt(1);
            if (replicas < min) {
                v.add(name(d) + " has " + replicas + " replicas, expected at least " + min);
            }
            for (JsonNode hpa : m.ofKind("HorizontalPodAutoscaler")) {
                if (targets(hpa, d)) {
                    int lo = hpa.path("spec").path("minReplicas").asInt(1);
                    int hi = hpa.path("spec").path("maxReplicas").asInt(0);
                    if (replicas < lo || replicas > hi) {
                        v.add(name(d) + " replicas " + replicas + " outside " + name(hpa) + "'s " + lo + ".." + hi);
                    }
                }
            }
        }
        return v;
    }

    /** A PodDisruptionBudget whose selector picks the Deployment's pods and still lets a node drain. */
    static List<String> podDisruptionBudget(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            JsonNode podLabels = d.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> sameNamespace(p, d) && selects(p.path("spec").path("selector"), podLabels))
                    .toList();
            if (pdbs.isEmpty()) {
                v.add("no PodDisruptionBudget selects the pods of " + name(d) + " (labels " + podLabels + ")");
            }
            int replicas = d.path("spec").path("replicas").asInt(1);
            for (JsonNode pdb : pdbs) {
                JsonNode spec = pdb.path("spec");
                if (spec.has("maxUnavailable")) {
                    if (spec.path("maxUnavailable").asText().matches("0%?")) {
                        v.add(name(pdb) + " maxUnavailable 0 blocks every node drain");
                    }
                } else if (spec.has("minAvailable")) {
                    if (!spec.path("minAvailable").isInt() || spec.path("minAvailable").asInt() >= replicas) {
                        v.add(name(pdb) + " minAvailable " + spec.path("minAvailable").asText()
                                + " leaves no pod of " + replicas + " evictable");
                    }
                } else {
                    v.add(name(pdb) + " sets neither minAvailable nor maxUnavailable");
                }
            }
        }
        return v;
    }

    /** An HPA targeting the Deployment, never below {@code min} pods. */
    static List<String> autoscaler(Manifests m, int min) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            List<JsonNode> hpas = m.ofKind("HorizontalPodAutoscaler").stream().filter(h -> targets(h, d)).toList();
            if (hpas.isEmpty()) {
                v.add("no HorizontalPodAutoscaler targets " + name(d));
            }
            for (JsonNode hpa : hpas) {
                int lo = hpa.path("spec").path("minReplicas").asInt(1);
                int hi = hpa.path("spec").path("maxReplicas").asInt(0);
                if (lo < min) {
                    v.add(name(hpa) + " minReplicas " + lo + " is below " + min);
                }
                if (hi < lo) {
                    v.add(name(hpa) + " maxReplicas " + hi + " is below minReplicas " + lo);
                }
                if (list(hpa.path("spec").path("metrics")).isEmpty()) {
                    v.add(name(hpa) + " has no metrics");
                }
            }
        }
        return v;
    }

    /** TLS for every host the Ingress routes, a cert-manager issuer, and no route to /q (health, metrics). */
    static List<String> ingress(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode ing : m.ofKind("Ingress")) {
            JsonNode spec = ing.path("spec");
            List<JsonNode> tls = list(spec.path("tls"));
            if (tls.isEmpty()) {
                v.add(name(ing) + " has no TLS section");
            }
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode t : tls) {
                if (t.path("secretName").asText("").isBlank()) {
                    v.add(name(ing) + " TLS entry " + t + " has no secretName");
                }
                list(t.path("hosts")).forEach(h -> tlsHosts.add(h.asText()));
            }
            List<JsonNode> rules = list(spec.path("rules"));
            if (rules.isEmpty()) {
                v.add(name(ing) + " has no rules");
            }
            for (JsonNode rule : rules) {
                String host = rule.path("host").asText("");
                if (host.isBlank()) {
                    v.add(name(ing) + " has a rule without a host (TLS needs one)");
                } else if (!tlsHosts.contains(host)) {
                    v.add(name(ing) + " routes " + host + " without TLS for it");
                }
                for (JsonNode p : list(rule.path("http").path("paths"))) {
                    String path = p.path("path").asText("/");
                    if (path.equals("/") || path.equals("/q") || path.startsWith("/q/")) {
                        v.add(name(ing) + " routes '" + path + "', which exposes /q (health and metrics) publicly");
                    }
                }
            }
            JsonNode annotations = ing.path("metadata").path("annotations");
            if (!annotations.has("cert-manager.io/cluster-issuer") && !annotations.has("cert-manager.io/issuer")) {
                v.add(name(ing) + " has no cert-manager issuer annotation");
            }
        }
        return v;
    }

    /** ROSTER_PUBLIC_URL is https and names a host the Ingress serves with TLS. */
    static List<String> publicUrl(Manifests m) {
        List<String> v = new ArrayList<>();
        Set<String> ingressHosts = new HashSet<>();
        for (JsonNode ing : m.ofKind("Ingress")) {
            list(ing.path("spec").path("tls")).forEach(t -> list(t.path("hosts")).forEach(h -> ingressHosts.add(h.asText())));
        }
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.containers()) {
                String url = m.environment(c).get("ROSTER_PUBLIC_URL");
                if (url == null) {
                    v.add(pod.owner() + " does not set ROSTER_PUBLIC_URL");
                    continue;
                }
                URI uri = URI.create(url);
                if (!"https".equals(uri.getScheme())) {
                    v.add("ROSTER_PUBLIC_URL " + url + " is not https (Entra requires TLS)");
                }
                if (!ingressHosts.contains(uri.getHost())) {
                    v.add("ROSTER_PUBLIC_URL host " + uri.getHost() + " is not an Ingress TLS host " + ingressHosts);
                }
            }
        }
        return v;
    }

    /** Secrets only from Secret objects: password and admin key by secretKeyRef, keys from a secret volume. */
    static List<String> secrets(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").properties().forEach(e -> {
                if (SECRET_NAME.matcher(e.getKey()).matches()) {
                    v.add(name(cm) + " holds " + e.getKey() + ": secrets belong in a Secret");
                }
            });
        }
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.containers()) {
                String where = pod.owner() + " container " + c.path("name").asText();
                for (JsonNode e : list(c.path("env"))) {
                    if (SECRET_NAME.matcher(e.path("name").asText()).matches() && e.has("value")) {
                        v.add(where + " sets " + e.path("name").asText() + " as a literal value");
                    }
                }
                requireSecretRef(v, where, c, "QUARKUS_DATASOURCE_PASSWORD", true);
                requireSecretRef(v, where, c, "ROSTER_ADMIN_KEY", false);
                Map<String, String> env = m.environment(c);
                String signingKey = env.get("ROSTER_OAUTH_SIGNING_KEY_LOCATION");
                if (signingKey == null) {
                    v.add(where + " does not set ROSTER_OAUTH_SIGNING_KEY_LOCATION");
                } else if (!underSecretMount(pod, c, signingKey)) {
                    v.add(where + " signing key " + signingKey + " is not on a volume mounted from a Secret");
                }
                String retired = env.getOrDefault("ROSTER_OAUTH_RETIRED_PUBLIC_KEY_LOCATIONS", "");
                for (String path : retired.split(",")) {
                    if (!path.isBlank() && !underSecretMount(pod, c, path.strip())) {
                        v.add(where + " retired key " + path.strip() + " is not on a volume mounted from a Secret");
                    }
                }
            }
        }
        return v;
    }

    /** The Service selects the pods and targets the container's HTTP port. */
    static List<String> service(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode svc : m.ofKind("Service")) {
            JsonNode selector = svc.path("spec").path("selector");
            List<PodTemplate> pods = m.podTemplates().stream().filter(p -> matches(selector, p.labels())).toList();
            if (selector.isEmpty() || pods.isEmpty()) {
                v.add(name(svc) + " selector " + selector + " selects no pods");
                continue;
            }
            for (JsonNode port : list(svc.path("spec").path("ports"))) {
                for (PodTemplate pod : pods) {
                    boolean reaches = pod.containers().stream()
                            .anyMatch(c -> resolvePort(c, port.path("targetPort")) == HTTP_PORT);
                    if (!reaches) {
                        v.add(name(svc) + " port " + port.path("name").asText() + " targets '"
                                + port.path("targetPort").asText() + "', not " + HTTP_PORT + " of " + pod.owner());
                    }
                }
            }
        }
        return v;
    }

    /** A NetworkPolicy on the pods restricting both directions, with egress for DNS, PostgreSQL and HTTPS. */
    static List<String> networkPolicy(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            List<JsonNode> policies = m.ofKind("NetworkPolicy").stream()
                    .filter(np -> selects(np.path("spec").path("podSelector"), pod.labels()))
                    .toList();
            if (policies.isEmpty()) {
                v.add("no NetworkPolicy selects the pods of " + pod.owner());
            }
            for (JsonNode np : policies) {
                List<String> types = list(np.path("spec").path("policyTypes")).stream().map(JsonNode::asText).toList();
                if (!types.containsAll(List.of("Ingress", "Egress"))) {
                    v.add(name(np) + " policyTypes " + types + " do not restrict both Ingress and Egress");
                }
                for (JsonNode rule : list(np.path("spec").path("ingress"))) {
                    if (list(rule.path("from")).isEmpty()) {
                        v.add(name(np) + " admits ingress from anywhere: " + rule);
                    }
                }
                Set<Integer> egressPorts = new HashSet<>();
                list(np.path("spec").path("egress")).forEach(
                        rule -> list(rule.path("ports")).forEach(p -> egressPorts.add(p.path("port").asInt())));
                for (int port : List.of(53, 5432, 443)) {
                    if (!egressPorts.contains(port)) {
                        v.add(name(np) + " allows no egress to port " + port);
                    }
                }
            }
        }
        return v;
    }

    /** The pods use a dedicated ServiceAccount and mount no API token. */
    static List<String> serviceAccount(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            String sa = pod.spec().path("serviceAccountName").asText("");
            if (sa.isBlank() || sa.equals("default")) {
                v.add(pod.owner() + " uses the namespace's default ServiceAccount");
                continue;
            }
            JsonNode account = m.named("ServiceAccount", sa);
            if (account == null) {
                v.add(pod.owner() + " uses ServiceAccount " + sa + ", which is not rendered");
                continue;
            }
            boolean podMounts = pod.spec().path("automountServiceAccountToken").asBoolean(true);
            boolean accountMounts = account.path("automountServiceAccountToken").asBoolean(true);
            if (!pod.spec().has("automountServiceAccountToken") ? accountMounts : podMounts) {
                v.add(pod.owner() + " mounts a ServiceAccount token");
            }
            if (accountMounts) {
                v.add(name(account) + " does not set automountServiceAccountToken: false");
            }
        }
        return v;
    }

    /** preStop sleep + shutdown delay + drain time + exit margin fit in terminationGracePeriodSeconds. */
    static List<String> gracefulShutdown(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            int grace = pod.spec().path("terminationGracePeriodSeconds").asInt(30);
            for (JsonNode c : pod.containers()) {
                String where = pod.owner() + " container " + c.path("name").asText();
                int preStop = preStopSleepSeconds(c.path("lifecycle").path("preStop"));
                if (preStop <= 0) {
                    v.add(where + " has no preStop sleep: requests still routed to it would fail during shutdown");
                }
                int needed = Math.max(preStop, 0) + SHUTDOWN_DELAY_SECONDS + SHUTDOWN_TIMEOUT_SECONDS
                        + EXIT_MARGIN_SECONDS;
                if (grace < needed) {
                    v.add(pod.owner() + " terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                            + "s + shutdown delay " + SHUTDOWN_DELAY_SECONDS + "s + shutdown timeout "
                            + SHUTDOWN_TIMEOUT_SECONDS + "s + " + EXIT_MARGIN_SECONDS + "s");
                }
            }
        }
        return v;
    }

    /** Prometheus scrape annotations pointing at /q/metrics on the HTTP port. */
    static List<String> prometheus(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            JsonNode a = pod.template().path("metadata").path("annotations");
            if (!a.path("prometheus.io/scrape").asText().equals("true")) {
                v.add(pod.owner() + " lacks prometheus.io/scrape: \"true\"");
            }
            if (!a.path("prometheus.io/path").asText().equals("/q/metrics")) {
                v.add(pod.owner() + " prometheus.io/path is '" + a.path("prometheus.io/path").asText() + "'");
            }
            if (!a.path("prometheus.io/port").asText().equals(String.valueOf(HTTP_PORT))) {
                v.add(pod.owner() + " prometheus.io/port is '" + a.path("prometheus.io/port").asText() + "'");
            }
        }
        return v;
    }

    /** Every configuration variable the application reads is set, and the ConfigMaps referenced exist. */
    static List<String> configuration(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            for (JsonNode c : pod.containers()) {
                for (JsonNode from : list(c.path("envFrom"))) {
                    String cm = from.path("configMapRef").path("name").asText("");
                    if (!cm.isBlank() && m.named("ConfigMap", cm) == null) {
                        v.add(pod.owner() + " reads ConfigMap " + cm + ", which is not rendered");
                    }
                }
                Map<String, String> env = m.environment(c);
                for (String key : REQUIRED_CONFIG) {
                    if (env.getOrDefault(key, "").isBlank()) {
                        v.add(pod.owner() + " does not set " + key);
                    }
                }
                String reactive = env.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", "");
                String jdbc = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
                if (!reactive.startsWith("postgresql://")) {
                    v.add("QUARKUS_DATASOURCE_REACTIVE_URL '" + reactive + "' is not a postgresql:// URL");
                }
                if (!jdbc.equals("jdbc:" + reactive)) {
                    v.add("QUARKUS_DATASOURCE_JDBC_URL '" + jdbc + "' does not name the same database as the reactive URL");
                }
            }
        }
        return v;
    }

    /** Pods spread over nodes and zones, with selectors that pick the pods themselves. */
    static List<String> topologySpread(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodTemplate pod : m.podTemplates()) {
            Set<String> keys = new HashSet<>();
            for (JsonNode tsc : list(pod.spec().path("topologySpreadConstraints"))) {
                if (!keys.add(tsc.path("topologyKey").asText())) {
                    v.add(pod.owner() + " has two spread constraints on " + tsc.path("topologyKey").asText()
                            + " (an overlay added one instead of replacing it?)");
                }
                if (!selects(tsc.path("labelSelector"), pod.labels())) {
                    v.add(pod.owner() + " spread on " + tsc.path("topologyKey").asText() + " does not select its pods");
                }
            }
            for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
                if (!keys.contains(key)) {
                    v.add(pod.owner() + " has no topologySpreadConstraint on " + key);
                }
            }
        }
        return v;
    }

    /** Every namespaced object lands in the overlay's namespace. */
    static List<String> namespaces(Manifests m, String namespace) {
        List<String> v = new ArrayList<>();
        for (JsonNode doc : m.docs()) {
            if (Manifests.CLUSTER_SCOPED.contains(doc.path("kind").asText())) {
                continue;
            }
            String ns = doc.path("metadata").path("namespace").asText("");
            if (!ns.equals(namespace)) {
                v.add(name(doc) + " is in namespace '" + ns + "', expected " + namespace);
            }
        }
        return v;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static JsonNode effective(JsonNode containerCtx, JsonNode podCtx, String field) {
        return containerCtx.has(field) ? containerCtx.path(field) : podCtx.path(field);
    }

    private static JsonNode volume(PodTemplate pod, String name) {
        return list(pod.spec().path("volumes")).stream()
                .filter(vol -> vol.path("name").asText().equals(name))
                .findFirst().orElse(null);
    }

    /** A port given by number or by the container port's name; -1 when it names no port of the container. */
    static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        String name = port.asText("");
        if (name.matches("\\d+")) {
            return Integer.parseInt(name);
        }
        return list(container.path("ports")).stream()
                .filter(p -> p.path("name").asText().equals(name))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst().orElse(-1);
    }

    private static boolean targets(JsonNode hpa, JsonNode deployment) {
        JsonNode ref = hpa.path("spec").path("scaleTargetRef");
        return sameNamespace(hpa, deployment)
                && ref.path("kind").asText().equals(deployment.path("kind").asText())
                && ref.path("name").asText().equals(deployment.path("metadata").path("name").asText());
    }

    private static boolean sameNamespace(JsonNode a, JsonNode b) {
        return a.path("metadata").path("namespace").asText("").equals(b.path("metadata").path("namespace").asText(""));
    }

    /** A label selector (matchLabels only; matchExpressions unsupported here) that is non-empty and matches. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.has("matchExpressions")) {
            return false;
        }
        JsonNode matchLabels = selector.path("matchLabels");
        return !matchLabels.isEmpty() && matches(matchLabels, labels);
    }

    private static boolean matches(JsonNode wanted, JsonNode labels) {
        for (var e : wanted.properties()) {
            if (!labels.path(e.getKey()).asText("\u0000").equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static void requireSecretRef(List<String> v, String where, JsonNode c, String var, boolean required) {
        JsonNode entry = list(c.path("env")).stream()
                .filter(e -> e.path("name").asText().equals(var))
                .findFirst().orElse(null);
        if (entry == null) {
            if (required) {
                v.add(where + " does not set " + var);
            }
            return;
        }
        JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
        if (ref.path("name").asText("").isBlank() || ref.path("key").asText("").isBlank()) {
            v.add(where + " " + var + " does not come from a secretKeyRef");
        }
    }

    private static boolean underSecretMount(PodTemplate pod, JsonNode c, String path) {
        for (JsonNode mount : list(c.path("volumeMounts"))) {
            String dir = mount.path("mountPath").asText();
            String prefix = dir.endsWith("/") ? dir : dir + "/";
            JsonNode vol = volume(pod, mount.path("name").asText());
            if (path.startsWith(prefix) && vol != null && vol.has("secret")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SLEEP_COMMAND = Pattern.compile("(?:^|[;&\\s])sleep\\s+(\\d+)");

    static int preStopSleepSeconds(JsonNode preStop) {
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asInt(0);
        }
        String command = String.join(" ", list(preStop.path("exec").path("command")).stream().map(JsonNode::asText).toList());
        Matcher sleep = SLEEP_COMMAND.matcher(command);
        return sleep.find() ? Integer.parseInt(sleep.group(1)) : 0;
    }

    static BigDecimal memoryLimit(JsonNode container) {
        return Quantity.parse(container.path("resources").path("limits").path("memory").asText("0"));
    }
}
