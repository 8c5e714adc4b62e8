package dev.roster.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 8: a client that opens a connection and stops sending is cut off after the idle timeout
 * ({@code quarkus.http.idle-timeout}, 30 s in production, 6 s in the test profile), instead of holding it forever.
 */
@QuarkusTest
class SlowClientTest {

    @Test
    void i10_8_aClientThatStopsMidRequestIsCutOff() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read = in.read();
            while (read != -1) {
                read = in.read();
            }
            long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(-1, read, "the server closed the connection");
            assertTrue(waited >= 5 && waited < 20, "closed after the idle timeout, not before (" + waited + " s)");
        }
    }
}
