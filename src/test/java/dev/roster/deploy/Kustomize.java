package dev.roster.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize} and parses the multi-document YAML it prints. */
final class Kustomize {

    static final String INSTALL_HINT = """
            These tests render the Kubernetes manifests with `kubectl kustomize` (kubectl 1.30 or newer bundles \
            kustomize v5), and kubectl was not found.
            Install kubectl, then rerun:
              - Debian/Ubuntu: `apt-get install kubectl` from the Kubernetes apt repository (pkgs.k8s.io) or the \
            Google Cloud SDK repository. Not Debian's `kubernetes-client` package.
              - Any Linux: the static binary, see https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/
              - Or point the KUBECTL environment variable at a kubectl binary.
            CI has kubectl installed; these checks are not optional.""";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    static String kubectl() {
        String fromEnv = System.getenv("KUBECTL");
        return fromEnv == null || fromEnv.isBlank() ? "kubectl" : fromEnv;
    }

    /** Whether a kubectl binary answers {@code kubectl version --client}. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder(kubectl(), "version", "--client")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Before the manifest checks: without kubectl they fail once, with the install instructions, in CI (where they are
     * not optional), and are skipped with one notice elsewhere, instead of failing one by one (issue 14, item 10).
     */
    static void requireKubectl() {
        if (available()) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("`" + kubectl() + "` is not available.\n" + INSTALL_HINT);
        }
        String notice = "Skipping the Kubernetes manifest checks: `" + kubectl() + "` is not available (they run, and"
                + " must pass, in CI; set KUBECTL or install kubectl 1.30+ to run them here).";
        System.err.println(notice);
        org.junit.jupiter.api.Assumptions.abort(notice + "\n" + INSTALL_HINT);
    }

    /** Runs {@code kubectl kustomize dir}; fails the test with install instructions when kubectl is missing. */
    static String render(Path dir) {
        Path stdout = null;
        Path stderr = null;
        try {
            // Output goes to files, so a stuck kubectl cannot block a pipe and the timeout below always applies.
            stdout = Files.createTempFile("kustomize-", ".yaml");
            stderr = Files.createTempFile("kustomize-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
            } catch (IOException notFound) {
                return fail("`" + kubectl() + "` could not be started: " + notFound.getMessage() + "\n" + INSTALL_HINT);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return fail("`kubectl kustomize " + dir + "` did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                return fail("`kubectl kustomize " + dir + "` exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail("Could not run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while rendering " + dir, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            return fail("kubectl kustomize printed YAML that does not parse", e);
        }
        return docs;
    }

    static Manifests build(String name, Path dir) {
        return new Manifests(name, parse(render(dir)));
    }
}
