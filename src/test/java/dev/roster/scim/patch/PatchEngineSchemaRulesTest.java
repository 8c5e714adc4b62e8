package dev.roster.scim.patch;

import static dev.roster.scim.TestJson.ACME;
import static dev.roster.scim.TestJson.BJENSEN;
import static dev.roster.scim.TestJson.ENTERPRISE;
import static dev.roster.scim.TestJson.FRESH;
import static dev.roster.scim.TestJson.USER;
import static dev.roster.scim.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.error.ScimType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mutability, types, write-only values, extensions and {@code schemas} through the engine. */
class PatchEngineSchemaRulesTest {

    private static final String WITH_BADGE = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u3", "userName": "carol",
             "%s": {"badge": "B-1"}}
            """.formatted(ACME);

    @Test
    void valuesAreCoercedToTheExtensionsTypes() {
        PatchOutcome outcome = Apply.rfc(USER, FRESH, """
                [{"op":"add","path":"%1$s:level","value":"42"},
                 {"op":"add","path":"%1$s:score","value":"1.5"},
                 {"op":"add","path":"%1$s:remote","value":"True"},
                 {"op":"add","path":"%1$s:hiredAt","value":"2011-05-13T04:42:34Z"},
                 {"op":"add","path":"%1$s:tags","value":["a","b"]},
                 {"op":"add","path":"%1$s:tags","value":["b","c"]}]
                """.formatted(ACME));

        assertEquals("""
                {"level":42,"score":1.5,"remote":true,"hiredAt":"2011-05-13T04:42:34Z","tags":["a","b","c"]}""",
                outcome.resource().get(ACME).toString());
        assertTrue(outcome.resource().get("schemas").toString().contains(ACME));
    }

    @Test
    void aNumberSentAgainAsAStringChangesNothing() {
        String document = "{\"id\":\"u\",\"userName\":\"u\",\"" + ACME + "\":{\"score\":1.5,\"level\":7}}";

        PatchOutcome outcome = Apply.rfc(USER, document, """
                [{"op":"replace","path":"%1$s:score","value":"1.50"},{"op":"replace","path":"%1$s:level","value":"7"}]"""
                .formatted(ACME));

        assertTrue(outcome.changedAttributes().isEmpty(), () -> outcome.changedAttributes().toString());
    }

    @Test
    void aRemoveWithAValueListRemovesOnlyTheListedValuesOfAnyMultiValuedAttribute() {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN, """
                [{"op":"remove","path":"emails","value":[{"value":"BABS@jensen.org"}]}]""");

        assertEquals(json("[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}]"),
                outcome.resource().get("emails"));
    }

    @Test
    void anEmptyValueListRemovesNothing() {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN, "[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[]}]");

        assertEquals(2, outcome.resource().get("emails").size());
        assertTrue(outcome.changedAttributes().isEmpty());
    }

    @Test
    void anImmutableAttributeMayBeSetOnce() {
        PatchOutcome outcome = Apply.rfc(USER, FRESH, "[{\"op\":\"add\",\"path\":\"" + ACME + ":badge\",\"value\":\"B-9\"}]");

        assertEquals("B-9", outcome.resource().get(ACME).get("badge").textValue());
    }

    @Test
    void anImmutableAttributeCannotChange() {
        ScimException error = assertThrows(ScimException.class, () -> Apply.rfc(USER, WITH_BADGE,
                "[{\"op\":\"replace\",\"path\":\"" + ACME + ":badge\",\"value\":\"B-2\"}]"));

        assertEquals(ScimType.MUTABILITY, error.scimType());
        assertEquals("replace " + ACME + ":badge: \"" + ACME + ":badge\" is immutable: it can be set once, but not"
                + " changed or removed (RFC 7643 §7)", error.detail());
    }

    @Test
    void anImmutableAttributeCannotBeRemoved() {
        ScimException error = assertThrows(ScimException.class,
                () -> Apply.rfc(USER, WITH_BADGE, "[{\"op\":\"remove\",\"path\":\"" + ACME + ":badge\"}]"));

        assertEquals(ScimType.MUTABILITY, error.scimType());
    }

    @Test
    void anImmutableAttributeMayBeSentAgainUnchanged() {
        PatchOutcome outcome = Apply.rfc(USER, WITH_BADGE,
                "[{\"op\":\"replace\",\"value\":{\"" + ACME + "\":{\"badge\":\"B-1\"}}}]");

        assertTrue(outcome.changedAttributes().isEmpty());
    }

    @Test
    void aPasswordIsAcceptedAndNeverStored() {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN, """
                [{"op":"replace","path":"password","value":"s3cret!"},
                 {"op":"replace","value":{"password":"s3cret!","nickName":"B"}}]""");

        assertFalse(outcome.resource().toString().contains("s3cret"));
        assertEquals(Set.of("nickName"), outcome.changedAttributes());
    }

    @Test
    void readOnlyMembersOfAPathlessValueAreIgnored() {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN, """
                [{"op":"replace","value":{"id":"other","meta":{"created":"2020-01-01T00:00:00Z"},
                  "groups":[{"value":"g9"}],"title":"Lead"}}]""");

        assertEquals("u1", outcome.resource().get("id").textValue());
        assertEquals("2010-01-23T04:56:22Z", outcome.resource().at("/meta/created").textValue());
        assertFalse(outcome.resource().has("groups"));
        assertEquals(Set.of("title"), outcome.changedAttributes());
    }

    @Test
    void addingAnExtensionAttributeListsTheExtensionInSchemas() {
        PatchOutcome outcome = Apply.rfc(USER, FRESH,
                "[{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Sales\"}]");

        assertEquals(json("[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"]"),
                outcome.resource().get("schemas"));
        assertEquals(Set.of(ENTERPRISE + ":department"), outcome.changedAttributes());
    }

    @Test
    void unregisteredExtensionDataIsStoredAsReceived() {
        String blink = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";
        PatchOutcome outcome = Apply.rfc(USER, FRESH, """
                [{"op":"add","path":"%1$s:company","value":"  Blink  "},
                 {"op":"add","value":{"%1$s":{"location":{"city":"Oslo"},"flag":"True"}}},
                 {"op":"add","path":"%1$s","value":{"description":"d"}}]""".formatted(blink));

        assertEquals(json("{\"company\":\"  Blink  \",\"location\":{\"city\":\"Oslo\"},\"flag\":\"True\","
                + "\"description\":\"d\"}"), outcome.resource().get(blink));
        assertTrue(outcome.resource().get("schemas").toString().contains(blink));
        assertEquals(Set.of(blink + ":company", blink + ":location", blink + ":flag", blink + ":description"),
                outcome.changedAttributes());
    }

    @Test
    void unregisteredExtensionDataCanBeRemoved() {
        String blink = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";
        String document = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%1$s"],"id":"u","userName":"u",
                 "%1$s":{"company":"Blink","tags":["a","b"]}}""".formatted(blink);

        PatchOutcome outcome = Apply.rfc(USER, document, """
                [{"op":"remove","path":"%1$s:company"},{"op":"remove","path":"%1$s:tags","value":["a"]}]"""
                .formatted(blink));

        assertEquals(json("{\"tags\":[\"b\"]}"), outcome.resource().get(blink));
    }

    @Test
    void attributeNamesAreStoredInTheSchemasSpelling() {
        PatchOutcome outcome = Apply.rfc(USER, FRESH, """
                [{"op":"add","path":"NICKNAME","value":"Al"},
                 {"op":"add","path":"Name.GivenName","value":"Alice"},
                 {"op":"add","value":{"URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"DEPARTMENT":"x"}}}]""");

        assertEquals(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"id":"u2","userName":"alice@contoso.com",
                 "active":true,"emails":[{"value":"alice@home.example","type":"home"}],"nickName":"Al",
                 "name":{"givenName":"Alice"},"%s":{"department":"x"}}""".formatted(ENTERPRISE, ENTERPRISE)),
                outcome.resource());
    }

    @Test
    void stringsAreKeptExactlyAsReceived() {
        PatchOutcome outcome = Apply.rfc(USER, BJENSEN,
                "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"  Babs \\u00e9 JENSEN \"}]");

        assertEquals("  Babs \u00e9 JENSEN ", outcome.resource().get("displayName").textValue());
    }
}
