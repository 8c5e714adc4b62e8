package dev.roster.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scim_user_value rows are the emails the in-memory evaluator sees in the document, element by element. */
class UserValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneRowPerEmailWithTypeLowerCasedValueAndPrimary() throws Exception {
        List<UserValues.Row> rows = UserValues.extract(read("""
                {"userName": "bjensen", "emails": [
                  {"value": "BJensen@Example.com", "type": "work", "primary": true},
                  {"value": "babs@jensen.org", "type": "home", "primary": "True"},
                  {"value": "other@x.org"}
                ]}"""));
        assertEquals(List.of(
                new UserValues.Row("emails", 0, "work", "BJensen@Example.com", "bjensen@example.com", true),
                new UserValues.Row("emails", 1, "home", "babs@jensen.org", "babs@jensen.org", true),
                new UserValues.Row("emails", 2, null, "other@x.org", "other@x.org", false)), rows);
    }

    @Test
    void namesMatchIgnoringCaseAndOneObjectIsOneElement() throws Exception {
        assertEquals(List.of(new UserValues.Row("emails", 0, "Work", "A@x.org", "a@x.org", false)),
                UserValues.extract(read("{\"Emails\": {\"VALUE\": \"A@x.org\", \"Type\": \"Work\", \"primary\": \"no\"}}")));
    }

    @Test
    void absentAndOddValuesAreStoredAsAbsentAndNonObjectsAreSkipped() throws Exception {
        List<UserValues.Row> rows = UserValues.extract(read("""
                {"emails": ["loose@x.org", {"type": ""}, {"value": null, "type": ["work"]}, {"value": 42, "type": true},
                            {"value": {"nested": "x"}}]}"""));
        assertEquals(List.of(
                new UserValues.Row("emails", 1, null, "", "", false),
                new UserValues.Row("emails", 2, null, "", "", false),
                new UserValues.Row("emails", 3, "true", "42", "42", false),
                new UserValues.Row("emails", 4, null, "", "", false)), rows);
        assertEquals(List.of(), UserValues.extract(read("{\"userName\": \"nobody\"}")));
    }

    @Test
    void entitiesCarryTheTenantAndUser() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        List<UserValueEntity> entities = UserValues.entities(tenant, user,
                read("{\"emails\": [{\"value\": \"A@x.org\", \"type\": \"work\", \"primary\": true}]}"));
        assertEquals(1, entities.size());
        UserValueEntity entity = entities.get(0);
        assertEquals(List.of(tenant, user, "emails", 0, "work", "A@x.org", "a@x.org", true), List.of(entity.tenantId,
                entity.userId, entity.attribute, entity.ordinal, entity.type, entity.value, entity.valueLower,
                entity.primary));
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
