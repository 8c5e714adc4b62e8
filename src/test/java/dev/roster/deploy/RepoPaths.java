package dev.roster.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory holding pom.xml and k8s/), whatever directory the tests run from. */
final class RepoPaths {

    private RepoPaths() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("No directory with pom.xml and k8s/ at or above " + dir);
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
