package dev.roster.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No Docker engine runs here, so the images cannot be built in tests; instead the Dockerfiles and .dockerignore are
 * parsed and their structure checked: stages, pinned bases, user, port, entrypoint, what the build copies.
 */
class DockerfilesTest {

    private static final String JVM = "docker/Dockerfile.jvm";
    private static final String NATIVE = "docker/Dockerfile.native";

    private static String read(String relative) {
        try {
            return Files.readString(RepoPaths.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    private static Dockerfile dockerfile(String relative) {
        return Dockerfile.parse(read(relative));
    }

    private static DockerIgnore dockerignore() {
        return DockerIgnore.parse(read(".dockerignore"));
    }

    private static void assertNoViolations(String file, List<String> violations) {
        assertTrue(violations.isEmpty(), () -> file + ":\n  - " + String.join("\n  - ", violations));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void buildsInOneStageAndRunsInAnother(String file) {
        assertNoViolations(file, DockerfileRules.multiStage(dockerfile(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void everyBaseImageIsPinned(String file) {
        assertNoViolations(file, DockerfileRules.pinnedBaseImages(dockerfile(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void theRuntimeStageRunsAsANumericNonRootUser(String file) {
        assertNoViolations(file, DockerfileRules.nonRootUser(dockerfile(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void theRuntimeStageExposes8080(String file) {
        assertNoViolations(file, DockerfileRules.exposes(dockerfile(file), 8080));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void theEntrypointIsPid1SoSigtermReachesTheApplication(String file) {
        assertNoViolations(file, DockerfileRules.execEntrypoint(dockerfile(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void noSecretIsBakedIntoTheImage(String file) {
        assertNoViolations(file, DockerfileRules.noSecrets(dockerfile(file)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {JVM, NATIVE})
    void everyFileTheBuildCopiesIsInTheContext(String file) {
        assertNoViolations(file,
                DockerfileRules.contextProvidesCopiedFiles(dockerfile(file), dockerignore(), RepoPaths.root()));
    }

    @Test
    void theJvmImageBuildsTheContainerProfileAndRunsTheFastJar() {
        Dockerfile jvm = dockerfile(JVM);
        assertNoViolations(JVM, DockerfileRules.buildsWithWrapper(jvm, "container"));
        assertNoViolations(JVM, DockerfileRules.fastJarRuntime(jvm));
    }

    @Test
    void theNativeImageBuildsWithMandrelAndRunsOnAMinimalBase() {
        Dockerfile nativeImage = dockerfile(NATIVE);
        assertNoViolations(NATIVE, DockerfileRules.buildsWithWrapper(nativeImage, "native"));
        assertNoViolations(NATIVE, DockerfileRules.nativeRuntime(nativeImage));
    }

    @Test
    void theBuildContextLeavesOutBuildOutputLocalDataAndVersionControl() {
        DockerIgnore ignore = dockerignore();
        for (String out : List.of("target", "target/quarkus-app/quarkus-run.jar", ".git", ".git/HEAD",
                ".roster/pg/PG_VERSION", ".idea/workspace.xml", "roster.iml", ".vscode/settings.json",
                "src/main/java/target/stale.class", "k8s/base/deployment.yaml", "signing-key.pem")) {
            assertTrue(ignore.excludes(out), ".dockerignore should leave out " + out);
        }
        for (String in : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "src/main/java/dev/roster/scim/error/ScimType.java", "src/main/resources/application.properties")) {
            assertFalse(ignore.excludes(in), ".dockerignore should keep " + in);
        }
    }

    // ---- the checks can fail -----------------------------------------------------------------------------

    private static final String BAD = """
            FROM eclipse-temurin
            ENV DB_PASSWORD=hunter2 JAVA_OPTS=-Xmx1g
            COPY target/quarkus-app/ /deployments/
            COPY no-such-dir/ /x/
            RUN mvn package
            USER root
            ENTRYPOINT java -jar /deployments/app.jar
            """;

    @Test
    void aCarelessDockerfileFailsEveryRule() {
        Dockerfile bad = Dockerfile.parse(BAD);
        assertEquals(1, bad.stages().size());
        assertFalse(DockerfileRules.multiStage(bad).isEmpty(), "single stage");
        assertFalse(DockerfileRules.pinnedBaseImages(bad).isEmpty(), "untagged base image");
        assertFalse(DockerfileRules.nonRootUser(bad).isEmpty(), "USER root");
        assertFalse(DockerfileRules.exposes(bad, 8080).isEmpty(), "no EXPOSE");
        assertFalse(DockerfileRules.execEntrypoint(bad).isEmpty(), "shell-form ENTRYPOINT");
        assertEquals(1, DockerfileRules.noSecrets(bad).size(), "DB_PASSWORD only: " + DockerfileRules.noSecrets(bad));
        assertFalse(DockerfileRules.buildsWithWrapper(bad, "container").isEmpty(), "plain mvn, no profile");
        assertFalse(DockerfileRules.fastJarRuntime(bad).isEmpty(), "no fast-jar copy from a build stage");
        assertFalse(DockerfileRules.nativeRuntime(bad).isEmpty(), "no Mandrel stage");
        List<String> context = DockerfileRules.contextProvidesCopiedFiles(bad, dockerignore(), RepoPaths.root());
        assertTrue(context.stream().anyMatch(v -> v.contains("no-such-dir")), "missing source: " + context);
    }

    @Test
    void subtlerMistakesAreCaughtToo() {
        Dockerfile latest = Dockerfile.parse("""
                FROM registry.access.redhat.com/ubi9/openjdk-21:latest AS build
                RUN ./mvnw -B package -Pnative-ish -DskipTests
                FROM localhost:5000/runtime AS run
                USER 1001:0
                EXPOSE 8080/tcp
                ENTRYPOINT ["/bin/sh", "-c", "java -jar /deployments/quarkus-run.jar"]
                """);
        assertEquals(2, DockerfileRules.pinnedBaseImages(latest).size(), "latest tag and a registry port without tag");
        assertTrue(DockerfileRules.nonRootUser(latest).isEmpty(), "1001:0 is a numeric non-root user");
        assertTrue(DockerfileRules.exposes(latest, 8080).isEmpty(), "8080/tcp exposes 8080");
        assertFalse(DockerfileRules.execEntrypoint(latest).isEmpty(), "sh -c without exec keeps the shell as PID 1");
        assertFalse(DockerfileRules.buildsWithWrapper(latest, "native").isEmpty(), "-Pnative-ish is not -Pnative");
    }

    @Test
    void aDenyListWithoutTargetLetsBuildOutputIntoTheContext() {
        DockerIgnore loose = DockerIgnore.parse("""
                # forgot target/
                .git
                !.git/keep
                """);
        assertTrue(loose.excludes(".git/HEAD"));
        assertFalse(loose.excludes(".git/keep"), "a later ! rule re-includes");
        assertFalse(loose.excludes("target/quarkus-app/quarkus-run.jar"));
        DockerIgnore doubleStar = DockerIgnore.parse("**/target\n");
        assertTrue(doubleStar.excludes("target/x"), "**/ matches zero directories");
        assertTrue(doubleStar.excludes("a/b/target/x"));
        assertFalse(doubleStar.excludes("targets/x"));
    }
}
