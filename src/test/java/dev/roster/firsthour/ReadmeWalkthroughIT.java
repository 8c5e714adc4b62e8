package dev.roster.firsthour;

import dev.roster.support.PackagedRoster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, item 7: the README's curl walk-through, taken from the README itself, runs as written against the packaged
 * jar, as a new user would run it (only the port is this test's own).
 */
class ReadmeWalkthroughIT {

    private static final Path DATA = Path.of("target/readme-walkthrough-pg");
    private static final Path LOG = Path.of("target/readme-walkthrough-it.log");

    @Test
    void i14_7_theCurlWalkthroughRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### Try it with curl");
        assertTrue(section >= 0, "the README has its walk-through");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String script = readme.substring(start, readme.indexOf("```", start));
        Matcher key = Pattern.compile("export ADMIN=(\\S+)").matcher(script);
        assertTrue(key.find(), "the walk-through sets the admin key it uses");
        int port = PackagedRoster.freePort();
        PackagedRoster.deleteRecursively(DATA);
        Process roster = PackagedRoster.start(port, key.group(1), DATA, LOG);
        try {
            PackagedRoster.awaitReady(port, LOG);
            Process bash = new ProcessBuilder("bash", "-c", script.replace("localhost:8080", "localhost:" + port))
                    .redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the walk-through finishes");
            assertEquals(0, bash.exitValue(), output);
            // Issue 14, item 2: with no public URL set, Tenant URLs follow the port Roster listens on.
            assertTrue(output.contains("\"scimBaseUrl\":\"http://localhost:" + port + "/scim/v2/"), output);
            assertTrue(output.contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"), output);
            assertTrue(output.strip().endsWith("401"), "the deleted token is refused at the end: " + output);
        } finally {
            roster.destroy();
            roster.waitFor(30, TimeUnit.SECONDS);
            roster.destroyForcibly();
        }
    }
}
