package dev.roster.support;

import io.restassured.RestAssured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fires requests at the test server all at once and collects every answer, so race tests can count winners, losers, 5xx
 * and requests that never answered (each request gets {@link #ANSWER_BOUND} to answer; a hang counts as unanswered).
 */
public final class Parallel {

    public static final Duration ANSWER_BOUND = Duration.ofSeconds(20);
    /** One client per run: its own connection pool, so the requests really are concurrent connections. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status -1 when the request did not answer within the bound. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {
        public boolean answered() {
            return status >= 0;
        }
    }

    /** The answers of a run, with counts by status. */
    public record Answers(List<Answer> all) {
        public long count(int status) {
            return all.stream().filter(a -> a.status() == status).count();
        }

        public long serverErrors() {
            return all.stream().filter(a -> a.status() >= 500).count();
        }

        public long unanswered() {
            return all.stream().filter(a -> !a.answered()).count();
        }

        public Map<Integer, Long> byStatus() {
            return all.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        }

        @Override
        public String toString() {
            return byStatus() + " " + all.stream().filter(a -> a.status() >= 500).map(Answer::body).limit(3).toList();
        }
    }

    /** A request to the test port: method, path, bearer and optional body and If-Match. */
    public static HttpRequest request(String method, String path, String bearer, String body, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(ANSWER_BOUND)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder.build();
    }

    /** Sends {@code n} requests built by {@code requestFor(i)} at once and waits for every answer or its bound. */
    public static Answers run(int n, Function<Integer, HttpRequest> requestFor) {
        Parallel parallel = new Parallel();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(requestFor.apply(i));
        }
        List<CompletableFuture<Answer>> futures = requests.stream()
                .map(request -> parallel.client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> new Answer(response.statusCode(), response.body(),
                                response.headers().map()))
                        .exceptionally(failure -> new Answer(-1, String.valueOf(failure), Map.of())))
                .toList();
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> future : futures) {
            try {
                answers.add(future.get(ANSWER_BOUND.toSeconds() + 5, TimeUnit.SECONDS));
            } catch (Exception e) {
                answers.add(new Answer(-1, String.valueOf(e), Map.of()));
            }
        }
        return new Answers(answers);
    }
}
