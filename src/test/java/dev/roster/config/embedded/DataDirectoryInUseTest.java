package dev.roster.config.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14, item 4: a second Roster on a data directory in use fails at once, saying why and what to do. */
class DataDirectoryInUseTest {

    @Test
    void i14_4_aDirectoryServedByALiveProcessIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedPostgresServer.refuseIfInUse(dir));
        assertTrue(refused.getMessage().contains(dir.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("process " + ProcessHandle.current().pid()), refused.getMessage());
        assertTrue(refused.getMessage().contains("roster.embedded-pg.dir"), refused.getMessage());
    }

    @Test
    void i14_4_aLockLeftByAGoneProcessOrNoLockIsFine(@TempDir Path dir) throws Exception {
        assertDoesNotThrow(() -> EmbeddedPostgresServer.refuseIfInUse(dir));
        Files.writeString(dir.resolve("postmaster.pid"), "2147483646\n");
        assertDoesNotThrow(() -> EmbeddedPostgresServer.refuseIfInUse(dir));
    }
}
