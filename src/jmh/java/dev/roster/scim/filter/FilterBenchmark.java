package dev.roster.scim.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.query.CompiledQuery;
import dev.roster.query.FilterCompiler;
import dev.roster.scim.schema.SchemaRegistry;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the filter engine on Entra's three matching queries and one complex filter: parse, print, evaluate
 * a compiled filter against one user, compile + evaluate (what a one-off PATCH value filter costs), and compile to HQL
 * (what every filtered list request costs before the database).
 * Run: {@code ./mvnw -B -Pjmh -DskipTests verify} (arguments in the jmh profile's {@code jmh.args}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FilterBenchmark {

    private static final String USER = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id":"2819c223-7f76-453a-919d-413861904646","externalId":"0a21f0f2-8d2a-4f8e-bf98-7b2f4e8a9c11",
             "userName":"Barbara.Jensen@contoso.com","active":true,"displayName":"Babs Jensen","title":"Tour Guide",
             "userType":"Employee","name":{"givenName":"Barbara","familyName":"Jensen"},
             "emails":[{"value":"babs@home.example","type":"home"},
                       {"value":"barbara.jensen@contoso.com","type":"work","primary":true}],
             "meta":{"resourceType":"User","created":"2010-01-23T04:56:22Z","lastModified":"2011-05-13T04:42:34Z"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
               {"department":"Tour Operations","manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}
            """;

    @Param({"userName", "externalId", "workEmail", "complex"})
    public String filterCase;

    private String text;
    private Filter filter;
    private CompiledFilter compiled;
    private FilterEvaluator evaluator;
    private JsonNode user;
    private final FilterCompiler compiler = new FilterCompiler(java.util.List.of(
            new dev.roster.users.UserStorage(), new dev.roster.groups.GroupStorage()));
    private static final UUID TENANT = UUID.fromString("01a217b3-4d40-7697-9bc2-a4e148517233");

    @Setup
    public void setUp() throws Exception {
        text = switch (filterCase) {
            case "userName" -> "userName eq \"barbara.jensen@contoso.com\"";
            case "externalId" -> "externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7b2f4e8a9c11\"";
            case "workEmail" -> "emails[type eq \"work\"].value eq \"barbara.jensen@contoso.com\"";
            case "complex" -> "userType eq \"Employee\" and (emails[type eq \"work\" and value co \"@contoso.com\"]"
                    + " or not (title pr)) and meta.lastModified gt \"2011-01-01T00:00:00Z\" or"
                    + " urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915\"";
            default -> throw new IllegalArgumentException(filterCase);
        };
        filter = FilterParser.parse(text);
        evaluator = new FilterEvaluator(SchemaRegistry.standard().user());
        compiled = evaluator.compile(filter);
        user = new ObjectMapper().readTree(USER);
        if (!compiled.matches(user)) {
            throw new IllegalStateException("the benchmark user must match " + text);
        }
    }

    @Benchmark
    public Filter parse() {
        return FilterParser.parse(text);
    }

    @Benchmark
    public String print() {
        return FilterPrinter.print(filter);
    }

    @Benchmark
    public boolean evaluate() {
        return compiled.matches(user);
    }

    @Benchmark
    public boolean compileAndEvaluate() {
        return evaluator.matches(filter, user);
    }

    /** Compile to the tenant-scoped HQL where clause and parameters that a list request runs (query/FilterCompiler). */
    @Benchmark
    public CompiledQuery compileToHql() {
        return compiler.compile(SchemaRegistry.standard().user(), TENANT, filter);
    }
}
