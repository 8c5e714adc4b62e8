package dev.roster.ops;

import dev.roster.support.Api;
import dev.roster.support.EmbeddedDatabase;
import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10, item 6: while PostgreSQL is down, SCIM answers a SCIM 503 with Retry-After, the admin API a problem 503,
 * readiness is DOWN, and a credential that must be looked up is not mistaken for a bad one (a 401 would make Entra
 * quarantine the app). When the database is back, service resumes without restarting Roster.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void i10_6_aStoppedDatabaseAnswers503AndServiceResumesByItself() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.running();
        assumeTrue(database != null, "needs the embedded PostgreSQL (an external database is not stopped by tests)");
        ScimClient cached = ScimClient.newTenant("Outage");
        cached.get("/Users").statusCode(200);
        ScimClient uncached = ScimClient.newTenant("Outage, token not yet used");
        database.stop();
        try {
            cached.get("/Users").statusCode(503).contentType(startsWith("application/scim+json"))
                    .header("Retry-After", notNullValue()).body("status", equalTo("503"))
                    .body("detail", containsString("retry"));
            cached.post("/Users", ScimClient.entraUser("during-outage@contoso.com", "x")).statusCode(503)
                    .header("Retry-After", notNullValue());
            uncached.get("/Users").statusCode(503).contentType(startsWith("application/scim+json"));
            Api.admin().get("/admin/v1/tenants").then().statusCode(503)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(503));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            database.start();
        }
        awaitStatus(200, () -> cached.request().get(cached.base + "/Users").statusCode());
        awaitStatus(200, () -> given().get("/q/health/ready").statusCode());
        uncached.get("/Users").statusCode(200);
        cached.post("/Users", ScimClient.entraUser("after-outage@contoso.com", "y")).statusCode(201);
    }

    /** Recovery takes a moment (pools reconnect on demand); it must come within the bound, with no restart. */
    private static void awaitStatus(int expected, IntSupplier status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int last = status.getAsInt();
        while (last != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = status.getAsInt();
        }
        assertEquals(expected, last, "status after the database came back");
    }
}
