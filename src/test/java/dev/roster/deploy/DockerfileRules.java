package dev.roster.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.deploy.Dockerfile.Instruction;
import dev.roster.deploy.Dockerfile.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The image invariants, each returning its violations (empty when it holds), like {@link ManifestRules}. */
final class DockerfileRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|ADMIN_KEY|SECRET|PRIVATE|TOKEN).*");
    private static final Pattern ENV_NAME = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)(?:=|\\s|$)");

    /** A COPY: its flags (--from, --chown), sources and destination. */
    record Copy(Stage stage, String from, List<String> sources, String destination) {
    }

    private DockerfileRules() {
    }

    static List<String> multiStage(Dockerfile d) {
        return d.stages().size() >= 2 ? List.of()
                : List.of("has " + d.stages().size() + " stage(s): build and runtime must be separate stages");
    }

    /** Every external base image has a version tag (not latest) or a digest. */
    static List<String> pinnedBaseImages(Dockerfile d) {
        List<String> v = new ArrayList<>();
        for (Stage s : d.stages()) {
            String image = s.image();
            if (image.isBlank()) {
                v.add("line " + s.line() + ": FROM without an image");
            } else if (d.isStageName(image, s.index()) || image.equals("scratch")) {
                continue;
            } else if (image.contains("$")) {
                v.add("line " + s.line() + ": FROM " + image + " depends on a build argument; pin it literally");
            } else {
                ImageRef ref = ImageRef.parse(image);
                if (!ref.pinned()) {
                    v.add("line " + s.line() + ": FROM " + image + " " + ref.pinningProblem());
                }
            }
        }
        return v;
    }

    /** The final stage switches to a numeric, non-zero user (so runAsNonRoot can verify it). */
    static List<String> nonRootUser(Dockerfile d) {
        Instruction user = d.finalStage().last("USER");
        if (user == null) {
            return List.of("the final stage sets no USER: the image would run as root");
        }
        String uid = user.args().split(":")[0].strip();
        if (!uid.matches("\\d+")) {
            return List.of("line " + user.line() + ": USER " + user.args() + " is not numeric");
        }
        return Integer.parseInt(uid) == 0 ? List.of("line " + user.line() + ": USER " + uid + " is root") : List.of();
    }

    static List<String> exposes(Dockerfile d, int port) {
        boolean exposed = d.finalStage().all("EXPOSE").stream()
                .flatMap(i -> Arrays.stream(i.args().split("\\s+")))
                .anyMatch(p -> p.equals(String.valueOf(port)) || p.equalsIgnoreCase(port + "/tcp"));
        return exposed ? List.of() : List.of("the final stage does not EXPOSE " + port);
    }

    /**
     * An exec-form ENTRYPOINT, so the application is PID 1 and gets SIGTERM; a shell wrapper must {@code exec}
     * the application.
     */
    static List<String> execEntrypoint(Dockerfile d) {
        Instruction ep = d.finalStage().last("ENTRYPOINT");
        if (ep == null) {
            return List.of("the final stage has no ENTRYPOINT");
        }
        List<String> argv = execForm(ep);
        if (argv == null) {
            return List.of("line " + ep.line() + ": ENTRYPOINT is in shell form; SIGTERM would go to /bin/sh, "
                    + "not the application (use the JSON exec form)");
        }
        if (argv.isEmpty()) {
            return List.of("line " + ep.line() + ": ENTRYPOINT is empty");
        }
        boolean shell = argv.getFirst().matches("(/usr)?(/bin/)?(ba)?sh") && argv.size() >= 3 && argv.get(1).equals("-c");
        if (shell && !argv.get(2).strip().startsWith("exec ")) {
            return List.of("line " + ep.line() + ": the shell wrapper does not `exec` the application");
        }
        return List.of();
    }

    /** No secret-looking ENV or ARG baked into any stage (image layers are readable by anyone who pulls). */
    static List<String> noSecrets(Dockerfile d) {
        List<String> v = new ArrayList<>();
        List<Instruction> all = new ArrayList<>(d.globalArgs());
        d.stages().forEach(s -> all.addAll(s.instructions()));
        for (Instruction i : all) {
            if (i.keyword().equals("ENV") || i.keyword().equals("ARG")) {
                Matcher m = ENV_NAME.matcher(i.args().replaceAll("\"[^\"]*\"", "\"\""));
                while (m.find()) {
                    if (SECRET_NAME.matcher(m.group(1)).matches()) {
                        v.add("line " + i.line() + ": " + i.keyword() + " " + m.group(1) + " bakes a secret into the image");
                    }
                }
            }
        }
        return v;
    }

    /** A build stage compiles from source with the Maven wrapper and the given profile, skipping tests only. */
    static List<String> buildsWithWrapper(Dockerfile d, String profile) {
        boolean builds = d.buildStages().stream()
                .flatMap(s -> s.all("RUN").stream())
                .map(Instruction::args)
                .anyMatch(run -> run.contains("./mvnw") && run.matches("(?s).*\\bpackage\\b.*")
                        && run.matches("(?s).*(^|\\s)-P" + Pattern.quote(profile) + "(\\s|,|$).*"));
        return builds ? List.of()
                : List.of("no build stage runs `./mvnw ... package -P" + profile + "` (the profile keeps zonky out)");
    }

    /** Every file a build stage copies from the context exists in the repository and survives .dockerignore. */
    static List<String> contextProvidesCopiedFiles(Dockerfile d, DockerIgnore ignore, Path root) {
        List<String> v = new ArrayList<>();
        for (Copy c : copies(d)) {
            if (c.from() != null) {
                continue;
            }
            for (String source : c.sources()) {
                String path = source.replaceAll("/+$", "");
                if (!Files.exists(root.resolve(path))) {
                    v.add("COPY " + source + ": not in the repository");
                } else if (ignore.excludes(path)) {
                    v.add("COPY " + source + ": excluded from the build context by .dockerignore");
                }
            }
        }
        return v;
    }

    /**
     * The JVM runtime: the four fast-jar parts copied from a build stage next to each other, and the ENTRYPOINT
     * running quarkus-run.jar from there with container-aware heap sizing.
     */
    static List<String> fastJarRuntime(Dockerfile d) {
        List<String> v = new ArrayList<>();
        Stage last = d.finalStage();
        List<Copy> fromBuild = copies(d).stream()
                .filter(c -> c.stage() == last && c.from() != null).toList();
        String jarDir = null;
        for (String part : List.of("quarkus-app/lib", "quarkus-app/app", "quarkus-app/quarkus")) {
            if (fromBuild.stream().noneMatch(c -> c.sources().stream().anyMatch(s -> s.replaceAll("/+$", "").endsWith(part)))) {
                v.add("the final stage does not copy " + part + "/ from a build stage");
            }
        }
        for (Copy c : fromBuild) {
            if (c.sources().stream().anyMatch(s -> s.endsWith("quarkus-app/*.jar") || s.endsWith("quarkus-app/quarkus-run.jar"))) {
                jarDir = c.destination().replaceAll("/+$", "");
            }
        }
        if (jarDir == null) {
            v.add("the final stage does not copy quarkus-run.jar from a build stage");
        }
        Instruction ep = last.last("ENTRYPOINT");
        String command = ep == null ? "" : String.join(" ", orEmpty(execForm(ep)));
        Matcher jar = Pattern.compile("-jar\\s+(\\S*quarkus-run\\.jar)").matcher(command);
        if (!jar.find()) {
            v.add("the ENTRYPOINT does not run `java -jar .../quarkus-run.jar`");
        } else if (jarDir != null) {
            String jarHome = jarDir;
            String jarPath = jar.group(1);
            String dir = jarPath.contains("/") ? jarPath.substring(0, jarPath.lastIndexOf('/')) : "";
            if (!dir.equals(jarHome)) {
                v.add("the ENTRYPOINT runs " + jarPath + " but quarkus-run.jar is copied to " + jarHome);
            }
            boolean libBeside = fromBuild.stream()
                    .anyMatch(c -> c.destination().replaceAll("/+$", "").equals(jarHome + "/lib"));
            if (!libBeside) {
                v.add("lib/ is not copied next to quarkus-run.jar (" + jarHome + "/lib)");
            }
        }
        String env = String.join(" ", last.all("ENV").stream().map(Instruction::args).toList());
        if (!env.contains("MaxRAMPercentage")) {
            v.add("the final stage sets no container-aware heap size (-XX:MaxRAMPercentage)");
        }
        if (!command.contains("JAVA_OPTS_APPEND")) {
            v.add("the ENTRYPOINT ignores JAVA_OPTS_APPEND");
        }
        return v;
    }

    /** The native build: a Mandrel builder stage, and a minimal runtime stage running the copied executable. */
    static List<String> nativeRuntime(Dockerfile d) {
        List<String> v = new ArrayList<>();
        boolean mandrel = d.buildStages().stream()
                .anyMatch(s -> s.image().toLowerCase(Locale.ROOT).contains("mandrel-builder"));
        if (!mandrel) {
            v.add("no build stage uses a Mandrel builder image");
        }
        String runtime = d.finalStage().image().toLowerCase(Locale.ROOT);
        if (runtime.contains("mandrel") || runtime.contains("jdk") || runtime.contains("graalvm")) {
            v.add("the runtime stage " + runtime + " is a build image, not a minimal one");
        }
        if (!runtime.contains("micro") && !runtime.contains("minimal") && !runtime.contains("distroless")) {
            v.add("the runtime stage " + runtime + " is not a micro/minimal/distroless image");
        }
        Instruction ep = d.finalStage().last("ENTRYPOINT");
        List<String> argv = ep == null ? null : execForm(ep);
        if (argv == null || argv.isEmpty()) {
            v.add("the native image has no exec-form ENTRYPOINT");
        } else {
            String executable = argv.getFirst();
            boolean copied = copies(d).stream()
                    .filter(c -> c.stage() == d.finalStage() && c.from() != null)
                    .anyMatch(c -> target(c).equals(executable));
            if (!copied) {
                v.add("the ENTRYPOINT " + executable + " is not a file copied from the build stage");
            }
        }
        return v;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static List<Copy> copies(Dockerfile d) {
        List<Copy> copies = new ArrayList<>();
        for (Stage s : d.stages()) {
            for (Instruction i : s.all("COPY")) {
                List<String> words = new ArrayList<>();
                String from = null;
                for (String w : i.args().split("\\s+")) {
                    if (w.startsWith("--from=")) {
                        from = w.substring("--from=".length());
                    } else if (!w.startsWith("--")) {
                        words.add(w);
                    }
                }
                if (words.size() >= 2) {
                    copies.add(new Copy(s, from, List.copyOf(words.subList(0, words.size() - 1)), words.getLast()));
                }
            }
        }
        return copies;
    }

    /** Where a single-source COPY lands: the destination, or destination + file name when it is a directory. */
    private static String target(Copy c) {
        String source = c.sources().getFirst();
        String name = source.substring(source.lastIndexOf('/') + 1);
        return c.destination().endsWith("/") ? c.destination() + name : c.destination();
    }

    /** The argv of an exec-form (JSON) instruction, or null for the shell form. */
    static List<String> execForm(Instruction i) {
        String args = i.args().strip();
        if (!args.startsWith("[")) {
            return null;
        }
        try {
            return List.of(JSON.readValue(args, String[].class));
        } catch (JsonProcessingException e) {
            return null; // Docker treats invalid JSON as shell form
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
