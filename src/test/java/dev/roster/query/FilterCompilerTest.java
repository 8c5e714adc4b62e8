package dev.roster.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.FilterParser;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.SchemaRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes the compiler produces, the tenant condition on every one, and values that never reach the query text. */
class FilterCompilerTest {

    private static final UUID TENANT = UUID.fromString("0b5e8f3c-7d4a-4e21-9c1f-2a6b8d0e4f17");
    private static final UUID BJENSEN = UUID.fromString("2819c223-7f76-453a-919d-413861904646");
    private static final String USER_SCOPE = "u.tenantId = :tenant and u.deletedAt is null";
    private static final String GROUP_SCOPE = "g.tenantId = :tenant and g.deletedAt is null";

    private final FilterCompiler compiler = new FilterCompiler(java.util.List.of(
            new dev.roster.users.UserStorage(), new dev.roster.groups.GroupStorage()));
    private final ResourceType user = TestDirectory.REGISTRY.user();
    private final ResourceType group = SchemaRegistry.standard().group();

    // ---- shapes ----------------------------------------------------------------------------------------------------

    static Stream<Arguments> userShapes() {
        return Stream.of(
                // Entra's hot lookups: one indexed column each, the literal bound as sent.
                row("userName eq \"Bjensen@Example.com\"", "lower(u.userName) = lower(:p1)", "Bjensen@Example.com"),
                row("externalId eq \"bjensen-ext\"", "u.externalId is not null and u.externalId = :p1", "bjensen-ext"),
                row("displayName eq \"Babs\"", "u.displayName is not null and lower(u.displayName) = lower(:p1)", "Babs"),
                row("id eq \"" + BJENSEN + "\"", "u.id = :p1", BJENSEN),
                row("emails[type eq \"work\"].value eq \"Bjensen@Example.com\"",
                        "exists (select 1 from UserValueEntity v1 where v1.tenantId = :tenant and v1.userId = u.id and"
                                + " v1.attribute = 'emails' and ((v1.type is not null and lower(v1.type) = lower(:p1))"
                                + " and (v1.valueLower = :p2)))", "work", "bjensen@example.com"),
                row("emails.value eq \"B@x.org\"", "exists (select 1 from UserValueEntity v1 where v1.tenantId = :tenant"
                        + " and v1.userId = u.id and v1.attribute = 'emails' and (v1.valueLower = :p1))", "b@x.org"),
                row("emails eq \"B@x.org\"", "exists (select 1 from UserValueEntity v1 where v1.tenantId = :tenant"
                        + " and v1.userId = u.id and v1.attribute = 'emails' and (v1.valueLower = :p1))", "b@x.org"),
                row("emails[primary eq true]", "exists (select 1 from UserValueEntity v1 where v1.tenantId = :tenant"
                        + " and v1.userId = u.id and v1.attribute = 'emails' and (v1.primary = true))"),
                row("groups.value eq \"" + BJENSEN.toString().toUpperCase() + "\"",
                        "exists (select 1 from MemberEntity m1, GroupEntity gr2 where m1.tenantId = :tenant and"
                                + " m1.memberId = u.id and gr2.tenantId = :tenant and gr2.id = m1.groupId and"
                                + " gr2.deletedAt is null and (m1.groupId = :p1))", BJENSEN),
                row("groups[type eq \"direct\"]", "exists (select 1 from MemberEntity m1, GroupEntity gr2 where"
                        + " m1.tenantId = :tenant and m1.memberId = u.id and gr2.tenantId = :tenant and gr2.id ="
                        + " m1.groupId and gr2.deletedAt is null)"),
                row("active eq true", "u.active = :p1", true),
                row("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "u.lastModified > :p1",
                        Instant.parse("2011-05-13T04:42:34Z")),
                row("meta[created le \"2011-05-13T06:42:34+02:00\"]", "u.created <= :p1",
                        Instant.parse("2011-05-13T04:42:34Z")),
                // Decided without the database: not a UUID, not the way ids are written, unknown attributes.
                row("id eq \"not-a-uuid\"", "1 = 0"),
                row("id eq \"" + BJENSEN.toString().toUpperCase() + "\"", "1 = 0"),
                row("id ne \"not-a-uuid\"", null),
                row("nonesuch eq \"x\"", "1 = 0"),
                row("nonesuch eq null", null),
                row("meta.resourceType eq \"User\"", null),
                row("meta.resourceType eq \"user\"", "1 = 0"),
                row("id pr and active pr and meta pr", null),
                // Presence and absence (RFC 7644 §3.4.2.2: null and "" are absent).
                row("userName pr", "u.userName <> ''"),
                row("externalId eq null", "not (u.externalId is not null and u.externalId <> '')"),
                // co/sw/ew: LIKE with %, _ and ! escaped.
                row("userName co \"50%_!\"", "lower(u.userName) like lower(:p1) escape '!'", "%50!%!_!!%"),
                row("externalId sw \"Ab\"", "u.externalId is not null and u.externalId like :p1 escape '!'", "Ab%"),
                row("userName ew \"@x.org\"", "lower(u.userName) like lower(:p1) escape '!'", "%@x.org"),
                row("userName sw \"\"", "u.userName <> ''"),
                row("userName eq \"\"", "1 = 0"),
                // ne and the orderings that an empty value would pass also require a value.
                row("externalId ne \"x\"", "u.externalId is not null and u.externalId <> '' and u.externalId <> :p1", "x"),
                row("userName gt \"m\"", "cast(sql('? collate \"C\" > ?', lower(u.userName), lower(:p1)) as Boolean) = true",
                        "m"),
                row("userName le \"m\"", "u.userName <> '' and cast(sql('? collate \"C\" <= ?', lower(u.userName),"
                        + " lower(:p1)) as Boolean) = true", "m"),
                // Values PostgreSQL cannot hold: decided, or cut where the order is decided.
                row("externalId eq \"a\\u0000b\"", "1 = 0"),
                row("externalId ne \"a\\u0000b\"", "u.externalId is not null and u.externalId <> ''"),
                row("externalId lt \"ab\\u0000c\"", "u.externalId is not null and u.externalId <> '' and"
                        + " cast(sql('? collate \"C\" <= ?', u.externalId, :p1) as Boolean) = true", "ab"),
                row("userName ge \"a\\ud800\"", "cast(sql('? collate \"C\" >= ?', lower(u.userName), lower(:p1)) as"
                        + " Boolean) = true", "a\ue000"),
                row("not (userName eq \"x\") or active eq false",
                        "(not (lower(u.userName) = lower(:p1))) or (u.active = :p2)", "x", false));
    }

    static Stream<Arguments> groupShapes() {
        return Stream.of(
                row("displayName eq \"Sales (EMEA)\"", "lower(g.displayName) = lower(:p1)", "Sales (EMEA)"),
                row("externalId eq \"grp-1\"", "g.externalId is not null and g.externalId = :p1", "grp-1"),
                row("members[value eq \"" + BJENSEN + "\"]", "exists (select 1 from MemberEntity m1 where m1.tenantId ="
                        + " :tenant and m1.groupId = g.id and (m1.memberId = :p1))", BJENSEN),
                // members.value is not caseExact: an upper-case id still names the member.
                row("members.value eq \"" + BJENSEN.toString().toUpperCase() + "\"", "exists (select 1 from MemberEntity"
                        + " m1 where m1.tenantId = :tenant and m1.groupId = g.id and (m1.memberId = :p1))", BJENSEN),
                row("members.value eq \"nope\"", "1 = 0"),
                row("members[type eq \"Group\" and value sw \"2819\"]", "exists (select 1 from MemberEntity m1 where"
                        + " m1.tenantId = :tenant and m1.groupId = g.id and ((lower(m1.memberType) = lower(:p1)) and"
                        + " (lower(cast(m1.memberId as String)) like lower(:p2) escape '!')))", "Group", "2819%"),
                row("members pr", "exists (select 1 from MemberEntity m1 where m1.tenantId = :tenant and m1.groupId ="
                        + " g.id)"),
                row("members eq null", "not (exists (select 1 from MemberEntity m1 where m1.tenantId = :tenant and"
                        + " m1.groupId = g.id))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userShapes")
    void compilesUserFiltersToTheseShapes(String filter, String condition, List<Object> values) {
        assertShape(user, USER_SCOPE, filter, condition, values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupShapes")
    void compilesGroupFiltersToTheseShapes(String filter, String condition, List<Object> values) {
        assertShape(group, GROUP_SCOPE, filter, condition, values);
    }

    private void assertShape(ResourceType type, String scope, String filter, String condition, List<Object> values) {
        CompiledQuery query = compiler.compile(type, TENANT, FilterParser.parse(filter));
        assertEquals(condition == null ? scope : scope + " and (" + condition + ")", query.where());
        List<Object> bound = new ArrayList<>(query.parameters().values());
        assertEquals(TENANT, bound.remove(0));
        assertEquals(values, bound);
    }

    @Test
    void documentAttributesAreReadThroughSqlWithNamesAndValuesBound() {
        CompiledQuery query = compiler.compile(user, TENANT, FilterParser.parse("name.givenName sw \"Bar\""));
        assertTrue(query.where().startsWith(USER_SCOPE + " and (cast(sql('exists (select 1 from (select ? as d) r"),
                query.where());
        assertTrue(query.where().contains("''lax $[*]''"), query.where());
        assertTrue(query.where().contains("lower(?::text) escape ''!''"), query.where());
        assertTrue(query.where().endsWith(") as Boolean) = true)"), query.where());
        assertTrue(query.parameters().values().containsAll(List.of("name", "givenName", "givenname", "Bar%")),
                query.parameters().toString());
    }

    @Test
    void extensionAttributesAreReadUnderTheirUrn() {
        CompiledQuery query = compiler.compile(user, TENANT, FilterParser.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Sales\""));
        assertTrue(query.where().contains("lateral (select coalesce("), query.where());
        assertTrue(query.parameters().containsValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
        assertTrue(query.parameters().containsValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user"));
    }

    @Test
    void noFilterSelectsTheTenantsLiveResources() {
        CompiledQuery query = compiler.compile(group, TENANT, null);
        assertEquals(GROUP_SCOPE, query.where());
        assertEquals(Map.of("tenant", TENANT), query.parameters());
        assertEquals("from GroupEntity g where " + GROUP_SCOPE, query.hql());
        assertEquals("select count(g) from GroupEntity g where " + GROUP_SCOPE, query.countHql());
    }

    // ---- the tenant, always ----------------------------------------------------------------------------------------

    private static final Pattern SUBQUERY = Pattern.compile("from (UserValueEntity|MemberEntity|GroupEntity) (\\w+)");

    @Test
    void everyCompiledQueryAndEverySubqueryNamesTheTenant() {
        int compiled = 0;
        for (ResourceType type : List.of(user, group)) {
            FilterGenerator generator = new FilterGenerator(7, type, Map.of());
            for (int i = 0; i < 3_000; i++) {
                Filter filter = generator.next();
                CompiledQuery query;
                try {
                    query = compiler.compile(type, TENANT, filter);
                } catch (ScimException rejected) {
                    assertEquals(ScimType.INVALID_FILTER, rejected.scimType());
                    continue;
                }
                compiled++;
                String scope = type == user ? USER_SCOPE : GROUP_SCOPE;
                assertTrue(query.where().equals(scope) || query.where().startsWith(scope + " and ("), query.where());
                assertEquals(TENANT, query.parameters().get("tenant"));
                Matcher subquery = SUBQUERY.matcher(query.where().replace(", GroupEntity", " from GroupEntity"));
                while (subquery.find()) {
                    assertTrue(query.where().contains(subquery.group(2) + ".tenantId = :tenant"), query.where());
                }
            }
        }
        assertTrue(compiled > 4_000, "compiled " + compiled);
    }

    @Test
    void parameterPrefixRenamesEveryParameter() {
        CompiledQuery query = compiler.compile(user, TENANT, FilterParser.parse("userName eq \"a\" or title co \"b\""),
                "f7_");
        assertTrue(query.where().startsWith("u.tenantId = :f7_tenant and"), query.where());
        assertTrue(query.parameters().keySet().stream().allMatch(name -> name.startsWith("f7_")));
        assertFalse(query.where().matches(".*:p\\d.*"), query.where());
        assertThrows(IllegalArgumentException.class, () -> compiler.compile(user, TENANT, null, "x y"));
        assertThrows(IllegalArgumentException.class, () -> compiler.compile(user, TENANT, null, "1x"));
    }

    // ---- values are bound, never inlined ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"zz' or '1'='1", "zz'); delete from scim_user; --", "zz%_!", "zz\\' :tenant ?1 $1",
        "zz\" or 1=1 --", "zz'||(select current_user)||'", "zz*/ /*", "zz lax $[*] ? (@ == 1)"})
    void hostileValuesAreBoundParametersNeverQueryText(String hostile) {
        String literal = dev.roster.scim.filter.FilterPrinter.print(FilterValue.of(hostile));
        List<String> filters = List.of("userName eq " + literal, "externalId co " + literal, "title sw " + literal,
                "emails[type eq " + literal + "].value ew " + literal, "name.givenName gt " + literal,
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq " + literal,
                "groups.display ne " + literal, "emails.display lt " + literal, "id co " + literal);
        for (String filter : filters) {
            CompiledQuery query = compiler.compile(user, TENANT, FilterParser.parse(filter));
            assertFalse(query.where().contains("zz"), filter + " -> " + query.where());
            assertTrue(query.parameters().values().stream().anyMatch(value -> value.toString().contains("zz")),
                    filter + " -> " + query.parameters());
        }
        CompiledQuery members = compiler.compile(group, TENANT, FilterParser.parse("members.type le " + literal));
        assertFalse(members.where().contains("zz"), members.where());
    }

    @Test
    void likePatternsEscapeWildcardsAndTheEscapeCharacter() {
        assertEquals("50!%!_off!!", TextComparison.escapeLike("50%_off!"));
        assertEquals("plain", TextComparison.escapeLike("plain"));
        assertEquals(new TextComparison.Test(CompareOp.CO, "a%", false), TextComparison.plan(CompareOp.CO, "a%"));
        assertEquals("%a!%%", new TextComparison.Test(CompareOp.CO, "a%", false).boundValue());
        assertEquals("!!!_%", new TextComparison.Test(CompareOp.SW, "!_", false).boundValue());
        assertEquals("%x!_", new TextComparison.Test(CompareOp.EW, "x_", false).boundValue());
    }

    static Stream<Arguments> unstorablePlans() {
        return Stream.of(
                Arguments.of(CompareOp.EQ, "a\u0000", new TextComparison.Never()),
                Arguments.of(CompareOp.CO, "\ud800", new TextComparison.Never()),
                Arguments.of(CompareOp.NE, "\udc00x", new TextComparison.AnyPresent()),
                Arguments.of(CompareOp.GT, "ab\u0000", new TextComparison.Test(CompareOp.GT, "ab", false)),
                Arguments.of(CompareOp.GE, "ab\u0000", new TextComparison.Test(CompareOp.GT, "ab", false)),
                Arguments.of(CompareOp.LT, "ab\u0000", new TextComparison.Test(CompareOp.LE, "ab", true)),
                Arguments.of(CompareOp.GT, "\u0000", new TextComparison.AnyPresent()),
                Arguments.of(CompareOp.LE, "\u0000", new TextComparison.Never()),
                Arguments.of(CompareOp.GT, "a\udbff", new TextComparison.Test(CompareOp.GE, "a\ue000", false)),
                Arguments.of(CompareOp.LE, "a\udbffz", new TextComparison.Test(CompareOp.LT, "a\ue000", true)),
                Arguments.of(CompareOp.EQ, "\ud83d\ude00", new TextComparison.Test(CompareOp.EQ, "\ud83d\ude00", false)),
                Arguments.of(CompareOp.LT, "", new TextComparison.Never()),
                Arguments.of(CompareOp.GE, "", new TextComparison.AnyPresent()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unstorablePlans")
    void literalsPostgresqlCannotHoldAreDecidedOrCut(CompareOp op, String literal, TextComparison.Plan plan) {
        assertEquals(plan, TextComparison.plan(op, literal));
    }

    // ---- what cannot be compiled -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"members.display eq \"Babs\"", "members[display pr]", "members.$ref pr",
        "members[value eq \"x\" or display eq \"y\"]"})
    void memberNamesAndReferencesAreNotFilterable(String filter) {
        ScimException error = assertThrows(ScimException.class,
                () -> compiler.compile(group, TENANT, FilterParser.parse(filter)));
        assertEquals(ScimType.INVALID_FILTER, error.scimType());
        assertTrue(error.detail().contains("filter on members.value or members.type"), error.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"meta.version eq \"W/\\\"1\\\"\"", "meta.location sw \"https:\"", "groups.$ref pr",
        "meta[location pr]"})
    void derivedValuesRosterDoesNotStoreAreNotFilterable(String filter) {
        ScimException error = assertThrows(ScimException.class,
                () -> compiler.compile(user, TENANT, FilterParser.parse(filter)));
        assertEquals(ScimType.INVALID_FILTER, error.scimType());
        assertTrue(error.detail().startsWith("\""), error.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"meta.created gt \"yesterday\"", "active eq \"maybe\"", "name eq \"Barbara\"",
        "userName[value eq \"x\"]", "urn:ietf:params:scim:schemas:extension:rostertest:2.0:User:level co \"1\""})
    void typeErrorsAreTheEvaluatorsInvalidFilters(String text) {
        Filter filter = FilterParser.parse(text);
        ScimException expected = assertThrows(ScimException.class, () -> new FilterEvaluator(user).compile(filter));
        ScimException actual = assertThrows(ScimException.class, () -> compiler.compile(user, TENANT, filter));
        assertEquals(expected.detail(), actual.detail());
        assertEquals(ScimType.INVALID_FILTER, actual.scimType());
    }

    @Test
    void numbersBeyondPostgresqlNumericAreInvalidFilters() {
        AttrPath level = new AttrPath(TestDirectory.EXTENSION, "level", null);
        for (String number : List.of("1E+2000", "1E-2000")) {
            Filter filter = new Filter.Compare(level, CompareOp.GT, FilterValue.of(new java.math.BigDecimal(number)));
            ScimException error = assertThrows(ScimException.class, () -> compiler.compile(user, TENANT, filter));
            assertTrue(error.detail().contains("limited to 1000 digits"), error.detail());
        }
        compiler.compile(user, TENANT, new Filter.Compare(level, CompareOp.GT,
                FilterValue.of(new java.math.BigDecimal("1E+999"))));
    }

    @Test
    void onlyUsersAndGroupsAreStored() {
        ResourceType other = new ResourceType("Device", "/Devices", dev.roster.scim.schema.Schema.of(
                "urn:example:Device", "Device", "A device"), List.of());
        assertThrows(IllegalArgumentException.class, () -> compiler.compile(other, TENANT, null));
    }

    private static Arguments row(String filter, String condition, Object... values) {
        return Arguments.of(filter, condition, Arrays.asList(values));
    }
}
