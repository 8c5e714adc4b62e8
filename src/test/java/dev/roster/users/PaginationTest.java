package dev.roster.users;

import dev.roster.support.ScimClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 4, item 8: index pagination, sorting, and cursor pagination (RFC 9865). */
@QuarkusTest
class PaginationTest {

    @Test
    void cursorPagesVisitEveryUserOnceAndEndWithoutNextCursor() {
        ScimClient scim = ScimClient.newTenant("Cursor");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(scim.createUser("cursor" + i + "-" + UUID.randomUUID() + "@contoso.com"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            var page = scim.request().queryParam("cursor", cursor).queryParam("count", 2).get(scim.base + "/Users")
                    .then().statusCode(200).body("totalResults", equalTo(5)).body("$", not(hasKey("startIndex")))
                    .extract().jsonPath();
            seen.addAll(page.getList("Resources.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(created, seen);
        assertEquals(5, new HashSet<>(seen).size());
    }

    @Test
    void badCursorsAndMixedPaginationAreRefused() {
        ScimClient scim = ScimClient.newTenant("Bad cursor");
        scim.request().queryParam("cursor", "garbage!").get(scim.base + "/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidCursor"));
        scim.request().queryParam("cursor", "").queryParam("startIndex", 2).get(scim.base + "/Users").then()
                .statusCode(400).body("scimType", equalTo("invalidValue"));
    }

    @Test
    void sortsByUserNameBothWaysAndRefusesUnsortableAttributes() {
        ScimClient scim = ScimClient.newTenant("Sort");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (String name : new String[]{"bravo", "Alpha", "charlie"}) {
            scim.createUser(name + "-" + tag + "@contoso.com");
        }
        List<String> ascending = scim.request().queryParam("sortBy", "userName").get(scim.base + "/Users").then()
                .statusCode(200).extract().jsonPath().getList("Resources.userName", String.class);
        assertEquals(List.of("Alpha-" + tag + "@contoso.com", "bravo-" + tag + "@contoso.com",
                "charlie-" + tag + "@contoso.com"), ascending);
        List<String> descending = scim.request().queryParam("sortBy", "userName").queryParam("sortOrder", "descending")
                .get(scim.base + "/Users").then().extract().jsonPath().getList("Resources.userName", String.class);
        assertEquals(List.of(ascending.get(2), ascending.get(1), ascending.get(0)), descending);
        scim.request().queryParam("sortBy", "title").get(scim.base + "/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
    }

    @Test
    void serviceProviderConfigAdvertisesWhatIsImplemented() {
        ScimClient scim = ScimClient.newTenant("SPC");
        scim.get("/ServiceProviderConfig").statusCode(200)
                .body("patch.supported", equalTo(true))
                .body("filter.supported", equalTo(true))
                .body("filter.maxResults", equalTo(1000))
                .body("sort.supported", equalTo(true))
                .body("etag.supported", equalTo(true))
                .body("pagination.cursor", equalTo(true))
                .body("pagination.index", equalTo(true));
    }
}
