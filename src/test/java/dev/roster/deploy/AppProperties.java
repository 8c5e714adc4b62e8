package dev.roster.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

/** Reads the production values of application.properties, so manifest checks follow the real settings. */
final class AppProperties {

    private AppProperties() {
    }

    /** A duration property ("25S", "5s") in whole seconds; fails loudly when absent. */
    static int seconds(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RepoPaths.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is missing from application.properties; k8s/ relies on it");
        }
        return (int) Duration.parse("PT" + value.trim().toUpperCase()).toSeconds();
    }
}
