package dev.roster.scim.patch;

import dev.roster.scim.patch.dialect.installed.InstalledDialects;
import static dev.roster.scim.TestJson.BJENSEN;
import static dev.roster.scim.TestJson.FRESH;
import static dev.roster.scim.TestJson.GROUP_DOC;
import static dev.roster.scim.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.TestJson;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.wire.PatchRequest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random PATCH requests, in Entra's dialect and RFC form, valid and not: the pipeline (dialect, parser, engine)
 * either returns an outcome or throws a ScimException, never anything else; it never changes its inputs; and what it
 * returns keeps the document's invariants.
 */
class PatchEnginePropertyTest {

    private static final int CASES = 6_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String E = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final String[] OPS = {"add", "replace", "remove", "Add", "Replace", "Remove", "ADD"};
    private static final String[] BAD_OPS = {"merge", "", "delete"};

    /** Well-formed operations, in both dialects, so that many requests apply and reach the invariants. */
    private static final String[] USER_OPERATIONS = {
        "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}",
        "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}",
        "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Lead\"}",
        "{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"\"}",
        "{\"op\":\"remove\",\"path\":\"title\"}",
        "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@x.org\"}",
        "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"p@x.org\",\"primary\":true}]}",
        "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":\"True\"}",
        "{\"op\":\"Remove\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@x.org\"}",
        "{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"babs@jensen.org\"}]}",
        "{\"op\":\"Add\",\"path\":\"manager\",\"value\":[{\"$ref\":null,\"value\":\"m-9\"}]}",
        "{\"op\":\"Replace\",\"path\":\"" + E + ":manager\",\"value\":\"\"}",
        "{\"op\":\"remove\",\"path\":\"manager[value eq \\\"m-1\\\"]\"}",
        "{\"op\":\"Replace\",\"value\":{\"displayName\":\"B\",\"name.givenName\":\"G\",\"" + E
                + ":employeeNumber\":\"7\"}}",
        "{\"op\":\"Add\",\"path\":\"roles\",\"value\":\"[{\\\"value\\\":\\\"Admin\\\"}]\"}",
        "{\"op\":\"Add\",\"path\":\"" + E + ".department\",\"value\":\"Sales\"}",
        "{\"op\":\"add\",\"path\":\"addresses[type eq \\\"work\\\"].locality\",\"value\":\"Oslo\"}",
        "{\"op\":\"remove\",\"path\":\"" + E + "\"}",
        "{\"op\":\"add\",\"path\":\"urn:acme:2.0:User:badge\",\"value\":{\"n\":1}}",
        "{\"op\":\"replace\",\"value\":{\"password\":\"s3cret\",\"nickName\":\"N\"}}",
    };
    private static final String[] GROUP_OPERATIONS = {
        "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"u1\"},{\"value\":\"u2\"}]}",
        "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"}]}",
        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u2\\\"]\"}",
        "{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"u3\"}]}",
        "{\"op\":\"remove\",\"path\":\"members\"}",
        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}",
        "{\"op\":\"Replace\",\"value\":{\"externalId\":\"e2\",\"id\":\"x\"}}",
    };
    private static final String[] USER_PATHS = {
        null, "userName", "title", "active", "displayName", "nickName", "name", "name.givenName", "name.familyName",
        "name.nope", "emails", "emails.value", "emails[type eq \"work\"]", "emails[type eq \"work\"].value",
        "emails[type eq \"home\"].primary", "emails[primary eq true]", "emails[type eq \"x\" or value co \"@\"].value",
        "emails[value pr]", "emails[type gt 5]", "addresses[type eq \"work\"].formatted", "addresses", "phoneNumbers",
        "roles", "manager", "manager[value eq \"m-1\"]", E + ":manager", E + ":department", E + ".department", E,
        E + ":manager.value", "id", "meta", "meta.created", "groups", "password", "externalId", "schemas",
        "urn:acme:2.0:User:badge", "urn:acme:2.0:User", TestJson.ACME + ":badge", TestJson.ACME + ":level",
        TestJson.ACME + ":tags", "urn:ietf:params:scim:schemas:core:2.0:User", "unknownAttr", "emails[",
        "members", "title[value eq \"x\"]", "x509Certificates", "active.sub", "", "  ",
    };
    private static final String[] GROUP_PATHS = {
        null, "displayName", "externalId", "members", "members[value eq \"u1\"]",
        "members[value eq \"u1\" or value eq \"u2\"]", "members[display eq \"x\"]", "members[value eq \"u1\"].display",
        "members.value", "id", "meta.version", "unknown", "urn:acme:2.0:Group:flag",
    };
    private static final String[] KEYS = {
        "displayName", "title", "active", "name", "name.givenName", "emails", "id", "meta", "members", "userName",
        E, E + ":department", E + ":manager", E + ".costCenter", "urn:acme:2.0:User", "urn:acme:2.0:User:badge",
        TestJson.ACME, "junk", "schemas", "password", "roles", "value", "type", "primary", "$ref", "givenName",
    };
    private static final String[] TEXTS = {
        "", "x", "True", "false", "FALSE", "u1", "u2", "m-1", "work", "home", "a@x.org", "[{\"value\":\"r\"}]", "[bad",
        "2011-05-13T04:42:34Z", "42", "4.5", " spaced ", "\u00e9", "{\"value\":\"m\"}",
    };

    @Test
    void randomRequestsYieldAnOutcomeOrAScimExceptionAndNeverChangeTheirInput() {
        Random random = new Random(20_251_127L);
        int applied = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            boolean group = random.nextInt(4) == 0;
            ResourceType type = group ? TestJson.GROUP : TestJson.USER;
            ObjectNode current = object(group ? GROUP_DOC : random.nextBoolean() ? BJENSEN : FRESH);
            ObjectNode body = body(random, group);
            JsonNode currentBefore = current.deepCopy();
            JsonNode bodyBefore = body.deepCopy();
            try {
                PatchOutcome outcome = run(type, current, body, random.nextInt(5) != 0);
                checkInvariants(type, outcome);
                applied++;
            } catch (ScimException e) {
                assertTrue(e.status() == 400, () -> "unexpected status " + e.status() + " for " + body);
                assertFalse(e.detail().isBlank());
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " threw " + e + " for " + body + " on " + current, e);
            }
            assertEquals(currentBefore, current, () -> "the resource was changed by " + body);
            assertEquals(bodyBefore, body, () -> "the request was changed by applying it: " + body);
        }
        assertTrue(applied > CASES / 10, "too few requests applied: " + applied);
        assertTrue(refused > CASES / 10, "too few requests refused: " + refused);
    }

    @Test
    void applyingTheSameRequestTwiceGivesTheSameOutcome() {
        Random random = new Random(7L);
        int compared = 0;
        for (int i = 0; i < 2_000; i++) {
            ObjectNode current = object(BJENSEN);
            ObjectNode body = body(random, false);
            PatchOutcome first;
            try {
                first = run(TestJson.USER, current, body, true);
            } catch (ScimException e) {
                continue;
            }
            assertEquals(first, run(TestJson.USER, current, body, true), () -> body.toString());
            compared++;
        }
        assertTrue(compared > 200, "too few comparable cases: " + compared);
    }

    private static PatchOutcome run(ResourceType type, ObjectNode current, ObjectNode body, boolean dialect) {
        PatchRequest request = dialect ? InstalledDialects.parse(type, body, true) : PatchRequest.parse(body);
        return PatchEngine.apply(type, current, request.operations());
    }

    private static void checkInvariants(ResourceType type, PatchOutcome outcome) {
        ObjectNode resource = outcome.resource();
        assertEquals(type.schema().id(), resource.path("schemas").path(0).asText(), resource::toString);
        assertFalse(type == TestJson.GROUP && resource.has("members"), resource::toString);
        assertFalse(resource.has("password"), "a password is never stored");
        for (String attribute : new String[] {"emails", "addresses", "roles", "phoneNumbers"}) {
            JsonNode values = resource.get(attribute);
            if (values != null) {
                assertTrue(values.isArray() && !values.isEmpty(), () -> attribute + " in " + resource);
                int primaries = 0;
                for (JsonNode value : values) {
                    primaries += value.path("primary").asBoolean(false) ? 1 : 0;
                }
                assertTrue(primaries <= 1, () -> "several primaries in " + resource);
            }
        }
        if (type == TestJson.USER && resource.has(E)) {
            assertTrue(resource.get(E).isObject() && !resource.get(E).isEmpty(), resource::toString);
            JsonNode manager = resource.get(E).get("manager");
            assertTrue(manager == null || manager.isObject() && manager.has("value") && !manager.has("$ref"),
                    resource::toString);
        }
        MembershipChange members = outcome.members();
        assertFalse(members.replaceAll() && members.removeAll());
        assertTrue(type == TestJson.GROUP || members.isEmpty());
    }

    private static ObjectNode body(Random random, boolean group) {
        ObjectNode body = JSON.objectNode();
        if (random.nextInt(10) != 0) {
            body.putArray("schemas").add(random.nextInt(20) == 0 ? "urn:x" : PatchRequest.SCHEMA);
        }
        ArrayNode operations = body.putArray(random.nextInt(15) == 0 ? "operations" : "Operations");
        for (int n = random.nextInt(4); n >= 0; n--) {
            if (random.nextBoolean()) {
                String[] wellFormed = group ? GROUP_OPERATIONS : USER_OPERATIONS;
                operations.add(TestJson.json(wellFormed[random.nextInt(wellFormed.length)]));
                continue;
            }
            ObjectNode op = operations.addObject();
            op.put("op", random.nextInt(20) == 0 ? BAD_OPS[random.nextInt(BAD_OPS.length)] : OPS[random.nextInt(OPS.length)]);
            String[] paths = group ? GROUP_PATHS : USER_PATHS;
            String path = paths[random.nextInt(paths.length)];
            if (path != null) {
                op.put("path", path);
            }
            if (random.nextInt(6) != 0) {
                op.set("value", path == null && random.nextBoolean() ? randomObject(random, 0) : randomValue(random, 0));
            }
        }
        return body;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 8)) {
            case 0 -> JSON.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.nullNode();
            case 3 -> JSON.numberNode(random.nextInt(100) - 10);
            case 4 -> JSON.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 5, 6 -> randomArray(random, depth + 1);
            default -> randomObject(random, depth + 1);
        };
    }

    private static ArrayNode randomArray(Random random, int depth) {
        ArrayNode array = JSON.arrayNode();
        for (int n = random.nextInt(4); n > 0; n--) {
            array.add(random.nextInt(3) == 0 ? randomValue(random, depth) : randomObject(random, depth));
        }
        return array;
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = JSON.objectNode();
        for (int n = random.nextInt(4); n > 0; n--) {
            String key = KEYS[random.nextInt(KEYS.length)];
            object.set(key, key.equals("password") ? JSON.textNode("s3cret") : randomValue(random, depth + 1));
        }
        return object;
    }
}
