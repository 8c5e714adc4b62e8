package dev.roster.users;

import dev.roster.groups.GroupRepository;
import dev.roster.groups.MembershipRepository;
import dev.roster.support.ScimClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.roster.support.ScimClient.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 7: tenant isolation holds in the repositories themselves, against the real database (in the style of
 * rest-heroes' repository tests): every lookup by id, name or id list names its tenant, so tenant B's rows are invisible
 * to a query for tenant A even with B's exact ids and names.
 */
@QuarkusTest
class RepositoryTenantIsolationTest {

    @Inject
    UserRepository users;
    @Inject
    GroupRepository groups;
    @Inject
    MembershipRepository memberships;

    private ScimClient a;
    private ScimClient b;
    private UUID userOfB;
    private UUID groupOfB;
    private String userNameOfB;

    @BeforeEach
    void twoTenants() {
        a = ScimClient.newTenant("Isolation A");
        b = ScimClient.newTenant("Isolation B");
        userNameOfB = "b-" + UUID.randomUUID() + "@contoso.com";
        userOfB = UUID.fromString(b.createUser(userNameOfB));
        groupOfB = UUID.fromString(b.createGroup("group-of-b-" + UUID.randomUUID()));
        b.patch("/Groups/" + groupOfB, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userOfB
                + "\"}]}")).statusCode(204);
    }

    private static <T> T inSession(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work::get));
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work::get));
    }

    @Test
    void i13_7_usersOfAnotherTenantAreInvisibleToEveryLookup() throws Throwable {
        UUID tenantA = UUID.fromString(a.tenantId);
        UUID tenantB = UUID.fromString(b.tenantId);
        assertNotNull(inSession(() -> users.findLive(tenantB, userOfB)), "the fixture is visible to its own tenant");
        assertNull(inSession(() -> users.findLive(tenantA, userOfB)));
        assertNull(inTransaction(() -> users.lockLive(tenantA, userOfB)));
        assertNull(inTransaction(() -> users.lockRetained(tenantA, userOfB)));
        assertEquals(List.of(), inTransaction(() -> users.lockExistingIds(tenantA, List.of(userOfB))));
        assertEquals(List.of(userOfB), inTransaction(() -> users.lockExistingIds(tenantB, List.of(userOfB))));
        assertFalse(inSession(() -> users.userNameTaken(tenantA, userNameOfB, null)));
        assertTrue(inSession(() -> users.userNameTaken(tenantB, userNameOfB.toUpperCase(), null)));
    }

    @Test
    void i13_7_groupsAndMembershipsOfAnotherTenantAreInvisible() throws Throwable {
        UUID tenantA = UUID.fromString(a.tenantId);
        UUID tenantB = UUID.fromString(b.tenantId);
        assertNull(inSession(() -> groups.findLive(tenantA, groupOfB)));
        assertNull(inTransaction(() -> groups.lockLive(tenantA, groupOfB)));
        assertEquals(List.of(), inTransaction(() -> groups.lockExistingIds(tenantA, List.of(groupOfB))));
        assertEquals(List.of(), inSession(() -> memberships.groupsOf(tenantA, List.of(userOfB))));
        assertEquals(1, inSession(() -> memberships.groupsOf(tenantB, List.of(userOfB))).size());
        assertEquals(List.of(), inSession(() -> memberships.members(tenantA, groupOfB)));
        assertEquals(0L, inTransaction(() -> memberships.removeEverywhere(tenantA, userOfB)));
        assertEquals(1, inSession(() -> memberships.members(tenantB, groupOfB)).size(), "B's membership survived");
    }
}
