package dev.roster.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 10, item 3: no transaction may hold row locks for minutes. Every reactive connection carries an idle-in-transaction
 * timeout and a lock timeout (application.properties), so even a bug that leaves a transaction open releases its locks.
 */
@QuarkusTest
class SessionSafetyNetsTest {

    @Inject
    Pool pool;

    private String setting(String name) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.query("show " + name).execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getString(0);
                }));
    }

    @Test
    void i10_3_connectionsCarryIdleTransactionAndLockTimeouts() throws Throwable {
        assertEquals("30s", setting("idle_in_transaction_session_timeout"));
        assertEquals("5s", setting("lock_timeout"));
    }
}
