package dev.roster.auth.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads key material from files (mounted Kubernetes Secrets, or paths relative to the working directory). SmallRye's own
 * resolver treats a plain relative path as a class-path resource, which a mounted secret never is.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The file's content when the location names an existing file, else empty (a URL or class-path resource). */
    public static Optional<String> readIfFile(String location) {
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + location, e);
        }
    }

    /** The content of a required key file. */
    public static String read(String location) {
        return readIfFile(location).orElseThrow(() -> new IllegalStateException("No key file at " + location));
    }
}
