package dev.roster.users;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static dev.roster.support.ScimClient.patch;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, item 1: what Entra's requests cost PostgreSQL, counted by pg_stat_statements (the embedded server preloads
 * it). Counted: the statements on the SCIM tables (scim_user, scim_user_value, scim_group, scim_group_member), which is
 * everything a request runs on its path once the credential, the tenant's schemas and its rules are cached; the
 * scheduled purge's query is left out (it may run during a test).
 */
@QuarkusTest
class HotPathStatementsTest {

    @Inject
    Pool pool;

    private ScimClient scim;

    @BeforeEach
    void tenant() throws Throwable {
        scim = ScimClient.newTenant("statements");
        sql("create extension if not exists pg_stat_statements");
        // Warm the caches a first request fills (credential, schemas, rules).
        scim.get("/Users?filter=" + "userName eq \"warm@contoso.com\"").statusCode(200);
    }

    @Test
    void i12_1_aFilterLookupIsOneStatementWithTheUsersGroups() throws Throwable {
        String id = scim.createUser("lookup@contoso.com");
        String group = scim.createGroup("Lookup readers");
        scim.patch("/Groups/" + group, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id
                + "\"}]}")).statusCode(204);
        assertEquals(1, statementsOf(() -> scim.request().queryParam("filter", "userName eq \"LOOKUP@contoso.com\"")
                .get(scim.base + "/Users").then().statusCode(200).body("totalResults", equalTo(1))
                .body("Resources[0].groups[0].value", equalTo(group))));
        assertEquals(1, statementsOf(() -> scim.request().queryParam("filter", "userName eq \"nobody@contoso.com\"")
                .get(scim.base + "/Users").then().statusCode(200).body("totalResults", equalTo(0))));
        assertEquals(1, statementsOf(() -> scim.get("/Users/" + id).statusCode(200)
                .body("groups[0].display", equalTo("Lookup readers"))));
    }

    @Test
    void i12_1_aCreateIsOneStatementAndAPatchOneReadAndOneWrite() throws Throwable {
        String[] id = new String[1];
        assertEquals(1, statementsOf(() -> id[0] = scim.post("/Users",
                ScimClient.entraUser("create@contoso.com", "ext-create")).statusCode(201).extract().path("id")));
        assertEquals(2, statementsOf(() -> scim.patch("/Users/" + id[0],
                patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Director\"}")).statusCode(200)));
        assertEquals(2, statementsOf(() -> scim.patch("/Users/" + id[0],
                patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")).statusCode(200)));
        // A PATCH that changes nothing writes nothing.
        assertEquals(1, statementsOf(() -> scim.patch("/Users/" + id[0],
                patch("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Director\"}")).statusCode(200)));
    }

    @Test
    void i12_1_aGroupMemberPatchIsOneReadAndOneWrite() throws Throwable {
        String group = scim.createGroup("Hot path members");
        String first = scim.createUser("member1@contoso.com");
        String second = scim.createUser("member2@contoso.com");
        String add = patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + first
                + "\"},{\"value\":\"" + second + "\"}]}");
        // The write checks the members, changes them, bumps the group's version and records the events: one statement.
        assertEquals(2, statementsOf(() -> scim.patch("/Groups/" + group, add).statusCode(204)));
        assertEquals(2, statementsOf(() -> scim.patch("/Groups/" + group, patch("{\"op\":\"Remove\",\"path\":"
                + "\"members[value eq \\\"" + first + "\\\"]\"}")).statusCode(204)));
        scim.get("/Groups/" + group).body("members.value", equalTo(java.util.List.of(second)));
    }

    @Test
    void i12_1_aTakenUserNameIsRefusedByTheIndexNotByACount() throws Throwable {
        scim.createUser("taken@contoso.com");
        // pg_stat_statements counts completed statements: the insert the unique index refused is not one, and no
        // count ran before it.
        assertEquals(0, statementsOf(() -> scim.post("/Users", ScimClient.entraUser("TAKEN@contoso.com", "ext-2"))
                .statusCode(409).body("scimType", equalTo("uniqueness"))));
    }

    private long statementsOf(Supplier<?> request) throws Throwable {
        sql("select pg_stat_statements_reset()");
        request.get();
        return VertxContextSupport.subscribeAndAwait(() -> pool.query("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                        where query ~ 'scim_(user|group)' and query !~* 'pg_stat_statements|skip locked'""")
                .execute().map(rows -> rows.iterator().next().getLong(0)));
    }

    private void sql(String statement) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> pool.query(statement).execute());
    }
}
