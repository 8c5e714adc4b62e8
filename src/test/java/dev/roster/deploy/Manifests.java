package dev.roster.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rendered objects of one overlay, with the look-ups the invariants need. */
record Manifests(String name, List<JsonNode> docs) {

    static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass",
            "StorageClass", "ClusterIssuer", "IngressClass", "PersistentVolume");

    /** A pod template and the workload it belongs to. */
    record PodTemplate(String owner, JsonNode template) {

        JsonNode spec() {
            return template.path("spec");
        }

        JsonNode labels() {
            return template.path("metadata").path("labels");
        }

        List<JsonNode> containers() {
            return list(spec().path("containers"));
        }

        /** Init and regular containers: both run the image and both need limits and a hardened context. */
        List<JsonNode> allContainers() {
            List<JsonNode> all = new ArrayList<>(list(spec().path("initContainers")));
            all.addAll(containers());
            return all;
        }
    }

    Manifests copy() {
        List<JsonNode> copies = new ArrayList<>();
        for (JsonNode doc : docs) {
            copies.add(doc.deepCopy());
        }
        return new Manifests(name, copies);
    }

    List<JsonNode> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String objectName) {
        return ofKind(kind).stream()
                .filter(d -> objectName.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElse(null);
    }

    List<PodTemplate> podTemplates() {
        List<PodTemplate> templates = new ArrayList<>();
        for (JsonNode doc : docs) {
            String kind = doc.path("kind").asText();
            String owner = kind + "/" + doc.path("metadata").path("name").asText();
            switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
                        templates.add(new PodTemplate(owner, doc.path("spec").path("template")));
                case "CronJob" -> templates.add(
                        new PodTemplate(owner, doc.path("spec").path("jobTemplate").path("spec").path("template")));
                case "Pod" -> templates.add(new PodTemplate(owner, doc));
                default -> {
                    // not a workload
                }
            }
        }
        return templates;
    }

    /** The environment a container sees: ConfigMaps from envFrom, then literal env values (which win). */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : list(container.path("envFrom"))) {
            JsonNode ref = from.path("configMapRef");
            if (!ref.isMissingNode()) {
                JsonNode cm = named("ConfigMap", ref.path("name").asText());
                if (cm != null) {
                    cm.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                }
            }
        }
        for (JsonNode e : list(container.path("env"))) {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        }
        return env;
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        }
        return items;
    }

    static String name(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }
}
