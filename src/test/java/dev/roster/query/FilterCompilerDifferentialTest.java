package dev.roster.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.groups.GroupEntity;
import dev.roster.groups.MemberEntity;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.CompiledFilter;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.filter.FilterPrinter;
import dev.roster.scim.schema.ResourceType;
import dev.roster.tenant.TenantEntity;
import dev.roster.users.UserEntity;
import dev.roster.users.UserValues;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compiled queries, run by Hibernate Reactive on PostgreSQL, select exactly the resources the in-memory
 * {@link FilterEvaluator} selects over the same resources as the API renders them: for 10,000 generated filters over a
 * seeded tenant of 200 users and 30 groups, next to a second tenant with look-alike data and soft-deleted look-alikes in
 * the same tenant, none of which may ever be found.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterCompilerDifferentialTest {

    private static final long SEED = 20_260_301L;
    private static final int USER_FILTERS = 8_000;
    private static final int GROUP_FILTERS = 2_000;
    /** Filters per statement (UNION ALL of their selects): one round trip and one plan per batch. */
    private static final int BATCH = 50;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    Pool pool;

    private final FilterCompiler compiler = new FilterCompiler(java.util.List.of(
            new dev.roster.users.UserStorage(), new dev.roster.groups.GroupStorage()));
    private final ResourceType userType = TestDirectory.REGISTRY.user();
    private final ResourceType groupType = TestDirectory.REGISTRY.group();

    private TestDirectory.Tenant tenant;
    private TestDirectory.Tenant lookalike;
    private Map<UUID, ObjectNode> users;
    private Map<UUID, ObjectNode> groups;

    @BeforeAll
    void seed() {
        tenant = TestDirectory.generate(TestDirectory.uuid("differential/tenant"), SEED, 200, 30);
        lookalike = TestDirectory.lookalike(tenant, TestDirectory.uuid("differential/lookalike"));
        await(() -> insert(tenant));
        await(() -> insert(lookalike));
        users = renderedUsers();
        groups = renderedGroups();
    }

    @Test
    void databaseAgreesWithTheEvaluatorOnTenThousandGeneratedFilters() {
        long started = System.nanoTime();
        Report report = new Report();
        FilterGenerator userFilters = new FilterGenerator(SEED, userType, TestDirectory.samples(List.copyOf(users.values())));
        FilterGenerator groupFilters = new FilterGenerator(SEED + 1, groupType,
                TestDirectory.samples(List.copyOf(groups.values())));
        check(userType, users, generate(userFilters, USER_FILTERS), report);
        check(groupType, groups, generate(groupFilters, GROUP_FILTERS), report);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "Differential test: %d filters in %d ms; %d compared (%d selecting some but not"
                        + " all), %d rejected alike as invalidFilter; %d statements%n", report.filters, millis,
                report.compared, report.selective, report.rejected, report.statements);
        writeProblems(report);
        assertEquals(USER_FILTERS + GROUP_FILTERS, report.filters);
        assertTrue(report.problems.isEmpty(), report.problems.size() + " disagreements, the first ones:\n"
                + String.join("\n\n", report.problems.subList(0, Math.min(15, report.problems.size()))));
        assertTrue(report.selective > report.compared / 4, "too few filters select anything: " + report.selective);
    }

    @Test
    void entraLookupsFindExactlyTheirResourceAndNeverALookalikeOrDeletedOne() {
        TestDirectory.UserRow user = tenant.users().get(3);
        TestDirectory.UserRow withWorkEmail = tenant.users().stream()
                .filter(row -> row.deletedAt() == null && workEmail(users.get(row.id())) != null)
                .findFirst().orElseThrow();
        TestDirectory.GroupRow group = tenant.groups().get(2);
        Report report = new Report();
        List<Filter> userFilters = new ArrayList<>(List.of(
                parse("userName eq \"" + user.userName().toUpperCase(Locale.ROOT) + "\""),
                parse("id eq \"" + user.id() + "\""),
                parse("emails[type eq \"work\"].value eq \"" + workEmail(users.get(withWorkEmail.id())) + "\""),
                parse("emails[type eq \"work\" and primary eq true]"),
                parse("userName pr"),
                parse("active eq false")));
        tenant.users().stream().filter(row -> row.externalId() != null && !row.externalId().isEmpty()).findFirst()
                .ifPresent(row -> userFilters.add(parse("externalId eq \"" + row.externalId() + "\"")));
        // Soft-deleted users reuse live users' names: the lookup still finds only the live one.
        tenant.users().stream().filter(row -> row.deletedAt() != null).findFirst()
                .ifPresent(row -> userFilters.add(parse("userName eq \"" + row.userName() + "\"")));
        check(userType, users, userFilters, report);
        check(groupType, groups, List.of(
                parse("displayName eq \"" + group.displayName() + "\""),
                parse("displayName eq \"" + tenant.groups().get(tenant.groups().size() - 1).displayName() + "\""),
                parse("members[value eq \"" + firstMember(group) + "\"]"),
                parse("displayName pr")), report);
        assertTrue(report.problems.isEmpty(), String.join("\n\n", report.problems));
        assertEquals(Set.of(user.id()), select(userType, parse("userName eq \"" + user.userName() + "\"")));
        assertEquals(users.keySet(), select(userType, parse("userName pr")));
        assertEquals(groups.keySet(), select(groupType, parse("displayName pr")));
    }

    @Test
    void hostileValuesAreComparedNeverExecuted() {
        List<Filter> userFilters = new ArrayList<>();
        List<Filter> groupFilters = new ArrayList<>();
        String[] hostile = {"x' or '1'='1", "%", "_", "!", "a\u0000b", "\u0000", "\ud800", "z\udfff", "\\",
            "'); delete from scim_user; --", "$1", ":tenant", "?", "\ud83d\ude00"};
        for (String value : hostile) {
            for (String op : new String[] {"eq", "ne", "co", "sw", "ew", "gt", "le"}) {
                String literal = FilterPrinter.print(dev.roster.scim.filter.FilterValue.of(value));
                for (String path : new String[] {"userName", "externalId", "id", "title", "emails.value",
                    "emails[type eq " + literal + "]", "groups.display", "name.givenName",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}) {
                    userFilters.add(parse(path.contains("[") ? path : path + " " + op + " " + literal));
                }
                for (String path : new String[] {"displayName", "members.value", "members.type", "externalId"}) {
                    groupFilters.add(parse(path + " " + op + " " + literal));
                }
            }
        }
        Report report = new Report();
        check(userType, users, userFilters, report);
        check(groupType, groups, groupFilters, report);
        assertTrue(report.problems.isEmpty(), String.join("\n\n", report.problems));
    }

    @Test
    void userNameLookupIsServedByTheCaseInsensitiveIndex() {
        // The SQL Hibernate renders for compile(user, tenant, 'userName eq "x"') (FilterCompilerTest pins the HQL).
        String plan = explain("select u1_0.id from scim_user u1_0 where u1_0.tenant_id=$1 and u1_0.deleted_at is null"
                + " and (lower(u1_0.user_name)=lower($2))", Tuple.of(tenant.id(), "Bob@Contoso.com"));
        assertTrue(plan.contains("scim_user_user_name_uq"), plan);
        String externalId = explain("select u1_0.id from scim_user u1_0 where u1_0.tenant_id=$1 and u1_0.deleted_at"
                + " is null and (u1_0.external_id is not null and u1_0.external_id=$2)", Tuple.of(tenant.id(), "x"));
        assertTrue(externalId.contains("scim_user_external_id_ix"), externalId);
        String emails = explain("select v1_0.user_id from scim_user_value v1_0 where v1_0.tenant_id=$1 and"
                + " v1_0.attribute='emails' and v1_0.value_lower=$2", Tuple.of(tenant.id(), "x@contoso.com"));
        assertTrue(emails.contains("scim_user_value_lookup_ix"), emails);
    }

    @Test
    void scimQueryCountsAndPagesInAStableOrder() {
        CompiledQuery query = compiler.compile(userType, tenant.id(), parse("active eq true"));
        long total = await(() -> sessions.withSession(session -> ScimQuery.count(session, query)));
        List<UUID> first = await(() -> sessions.withSession(session -> ScimQuery.ids(session, query, 0, 10)));
        List<UUID> second = await(() -> sessions.withSession(session -> ScimQuery.ids(session, query, 10, 10)));
        List<UserEntity> page = await(() -> sessions.withSession(session -> ScimQuery.page(session, query,
                UserEntity.class, 0, 10)));
        Set<UUID> expected = select(userType, parse("active eq true"));
        assertEquals(expected.size(), total);
        assertEquals(10, first.size());
        assertTrue(expected.containsAll(first) && expected.containsAll(second));
        assertTrue(first.stream().noneMatch(second::contains));
        assertEquals(first, page.stream().map(entity -> entity.id).toList());
    }

    // ---- the comparison --------------------------------------------------------------------------------------------

    private static final class Report {
        int filters;
        int compared;
        int selective;
        int rejected;
        int statements;
        final List<String> problems = new ArrayList<>();
    }

    private record Pending(int index, Filter filter, Set<UUID> expected, CompiledQuery query) {
    }

    private void check(ResourceType type, Map<UUID, ObjectNode> resources, List<Filter> filters, Report report) {
        FilterEvaluator evaluator = new FilterEvaluator(type);
        List<Pending> batch = new ArrayList<>();
        for (Filter filter : filters) {
            report.filters++;
            int index = report.filters;
            CompiledFilter oracle;
            try {
                oracle = evaluator.compile(filter);
            } catch (ScimException expected) {
                report.rejected++;
                try {
                    compiler.compile(type, tenant.id(), filter);
                    report.problems.add("the evaluator rejects but the compiler accepts: " + text(filter));
                } catch (ScimException actual) {
                    if (!expected.detail().equals(actual.detail())) {
                        report.problems.add("different rejections of " + text(filter) + ": " + expected.detail()
                                + " / " + actual.detail());
                    }
                }
                continue;
            }
            Set<UUID> expected = new HashSet<>();
            resources.forEach((id, resource) -> {
                if (oracle.matches(resource)) {
                    expected.add(id);
                }
            });
            try {
                batch.add(new Pending(index, filter, expected,
                        compiler.compile(type, tenant.id(), filter, "f" + index + "_")));
            } catch (RuntimeException e) {
                report.problems.add("the compiler fails on " + text(filter) + ": " + e);
                continue;
            }
            if (batch.size() == BATCH) {
                run(batch, resources.size(), report);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            run(batch, resources.size(), report);
        }
    }

    private void run(List<Pending> batch, int population, Report report) {
        Map<Integer, Set<UUID>> actual;
        try {
            actual = execute(batch, report);
        } catch (RuntimeException batchFailure) {
            // Find the filters that fail on their own.
            actual = new HashMap<>();
            for (Pending pending : batch) {
                try {
                    actual.putAll(execute(List.of(pending), report));
                } catch (RuntimeException e) {
                    report.problems.add("PostgreSQL fails on " + text(pending.filter()) + "\n  " + pending.query().where()
                            + "\n  " + e);
                    actual.put(pending.index(), null);
                }
            }
        }
        for (Pending pending : batch) {
            Set<UUID> found = actual.getOrDefault(pending.index(), Set.of());
            if (found == null) {
                continue;
            }
            report.compared++;
            if (!pending.expected().isEmpty() && pending.expected().size() < population) {
                report.selective++;
            }
            if (!found.equals(pending.expected())) {
                report.problems.add("mismatch for " + text(pending.filter()) + "\n  evaluator: "
                        + names(pending.expected()) + "\n  database:  " + names(found) + "\n  where: "
                        + pending.query().where() + "\n  parameters: " + pending.query().parameters());
            }
        }
    }

    private Map<Integer, Set<UUID>> execute(List<Pending> batch, Report report) {
        StringBuilder hql = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Pending pending : batch) {
            if (!hql.isEmpty()) {
                hql.append(" union all ");
            }
            CompiledQuery query = pending.query();
            hql.append("select ").append(pending.index()).append(", ").append(query.alias()).append(".id ")
                    .append(query.hql());
            parameters.putAll(query.parameters());
        }
        report.statements++;
        List<Object[]> rows = await(() -> sessions.withSession(session -> {
            Mutiny.SelectionQuery<Object[]> select = session.createSelectionQuery(hql.toString(), Object[].class);
            parameters.forEach(select::setParameter);
            return select.getResultList();
        }));
        Map<Integer, Set<UUID>> found = new HashMap<>();
        for (Object[] row : rows) {
            found.computeIfAbsent(((Number) row[0]).intValue(), k -> new HashSet<>()).add((UUID) row[1]);
        }
        return found;
    }

    private Set<UUID> select(ResourceType type, Filter filter) {
        CompiledQuery query = compiler.compile(type, tenant.id(), filter);
        List<UUID> ids = await(() -> sessions.withSession(session -> {
            Mutiny.SelectionQuery<UUID> select = session.createSelectionQuery(query.idsHql(), UUID.class);
            query.parameters().forEach(select::setParameter);
            return select.getResultList();
        }));
        return new HashSet<>(ids);
    }

    private String explain(String sql, Tuple parameters) {
        List<String> lines = await(() -> pool.withTransaction(connection -> connection
                .query("analyze scim_user, scim_user_value").execute()
                .chain(() -> connection.query("set local enable_seqscan = off").execute())
                .chain(() -> connection.preparedQuery("explain " + sql).execute(parameters))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    for (Row row : rows) {
                        out.add(row.getString(0));
                    }
                    return out;
                })));
        return String.join("\n", lines);
    }

    // ---- data ------------------------------------------------------------------------------------------------------

    private List<Filter> generate(FilterGenerator generator, int count) {
        List<Filter> filters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            filters.add(generator.next());
        }
        return filters;
    }

    private Uni<Void> insert(TestDirectory.Tenant data) {
        return sessions.withTransaction((session, tx) -> {
            List<Object> entities = new ArrayList<>();
            TenantEntity tenantEntity = new TenantEntity();
            tenantEntity.id = data.id();
            tenantEntity.name = "Differential " + data.id();
            tenantEntity.createdAt = Instant.now();
            tenantEntity.updatedAt = tenantEntity.createdAt;
            entities.add(tenantEntity);
            for (TestDirectory.UserRow row : data.users()) {
                UserEntity user = new UserEntity();
                user.id = row.id();
                user.tenantId = data.id();
                user.userName = row.userName();
                user.externalId = row.externalId();
                user.displayName = row.displayName();
                user.active = row.active();
                user.doc = row.doc();
                user.created = row.created();
                user.lastModified = row.lastModified();
                user.deletedAt = row.deletedAt();
                entities.add(user);
                entities.addAll(UserValues.entities(data.id(), row.id(), row.doc()));
            }
            for (TestDirectory.GroupRow row : data.groups()) {
                GroupEntity group = new GroupEntity();
                group.id = row.id();
                group.tenantId = data.id();
                group.displayName = row.displayName();
                group.externalId = row.externalId();
                group.doc = row.doc();
                group.created = row.created();
                group.lastModified = row.lastModified();
                group.deletedAt = row.deletedAt();
                entities.add(group);
            }
            for (TestDirectory.Membership row : data.memberships()) {
                MemberEntity member = new MemberEntity();
                member.tenantId = data.id();
                member.groupId = row.groupId();
                member.memberId = row.memberId();
                member.memberType = row.memberType();
                member.addedAt = Instant.now();
                entities.add(member);
            }
            return session.persistAll(entities.toArray());
        });
    }

    /** The live users as the API renders them, from the documents PostgreSQL returns (its key order, its numbers). */
    private Map<UUID, ObjectNode> renderedUsers() {
        List<UserEntity> stored = await(() -> sessions.withSession(session -> session.createSelectionQuery(
                "from UserEntity u where u.tenantId = :tenant and u.deletedAt is null", UserEntity.class)
                .setParameter("tenant", tenant.id()).getResultList()));
        Map<UUID, TestDirectory.GroupRow> liveGroups = new HashMap<>();
        tenant.groups().stream().filter(group -> group.deletedAt() == null)
                .forEach(group -> liveGroups.put(group.id(), group));
        Map<UUID, ObjectNode> rendered = new HashMap<>();
        for (UserEntity entity : stored) {
            List<TestDirectory.GroupRow> memberOf = tenant.memberships().stream()
                    .filter(membership -> membership.memberId().equals(entity.id))
                    .map(membership -> liveGroups.get(membership.groupId()))
                    .filter(group -> group != null)
                    .toList();
            TestDirectory.UserRow row = new TestDirectory.UserRow(entity.id, entity.userName, entity.externalId,
                    entity.displayName, entity.active, entity.created, entity.lastModified, null, entity.doc);
            rendered.put(entity.id, TestDirectory.renderUser(row, memberOf));
        }
        assertEquals(200, rendered.size());
        return rendered;
    }

    private Map<UUID, ObjectNode> renderedGroups() {
        List<GroupEntity> stored = await(() -> sessions.withSession(session -> session.createSelectionQuery(
                "from GroupEntity g where g.tenantId = :tenant and g.deletedAt is null", GroupEntity.class)
                .setParameter("tenant", tenant.id()).getResultList()));
        Map<UUID, ObjectNode> rendered = new HashMap<>();
        for (GroupEntity entity : stored) {
            List<TestDirectory.Membership> members = tenant.memberships().stream()
                    .filter(membership -> membership.groupId().equals(entity.id)).toList();
            TestDirectory.GroupRow row = new TestDirectory.GroupRow(entity.id, entity.displayName, entity.externalId,
                    entity.created, entity.lastModified, null, entity.doc);
            rendered.put(entity.id, TestDirectory.renderGroup(row, members));
        }
        assertEquals(30, rendered.size());
        return rendered;
    }

    private UUID firstMember(TestDirectory.GroupRow group) {
        return tenant.memberships().stream().filter(membership -> membership.groupId().equals(group.id()))
                .map(TestDirectory.Membership::memberId).findFirst().orElse(UUID.randomUUID());
    }

    /** A non-empty work email of the user (emails may be one object rather than an array), or null. */
    private static String workEmail(ObjectNode user) {
        var emails = user.path("emails");
        for (var email : emails.isArray() ? emails : List.of(emails)) {
            if ("work".equals(email.path("type").asText()) && !email.path("value").asText().isEmpty()) {
                return email.path("value").asText();
            }
        }
        return null;
    }

    private String names(Set<UUID> ids) {
        Set<String> out = new TreeSet<>();
        for (UUID id : ids) {
            ObjectNode resource = users.containsKey(id) ? users.get(id) : groups.get(id);
            out.add(resource == null ? "FOREIGN " + id
                    : resource.path(users.containsKey(id) ? "userName" : "displayName").asText());
        }
        return out.size() + " " + out;
    }

    /** All disagreements, for reading beyond the assertion message: target/filter-differential-problems.txt. */
    private static void writeProblems(Report report) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "filter-differential-problems.txt"),
                    String.join("\n\n", report.problems));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(Filter filter) {
        return FilterPrinter.print(filter);
    }

    private static Filter parse(String filter) {
        return FilterParser.parse(filter);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
