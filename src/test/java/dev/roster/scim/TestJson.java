package dev.roster.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;

/** JSON fixtures and shortcuts shared by the SCIM tests. */
public final class TestJson {

    /** Decimals read as BigDecimal, so 1.50 stays 1.50 as the engine keeps it. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";

    /** A tenant extension with one attribute per type, an immutable one and a required-free layout. */
    public static final Schema ACME_SCHEMA = Schema.of(ACME, "AcmeUser", "Acme test extension",
            AttributeDef.string("badge").mutability(Mutability.IMMUTABLE),
            AttributeDef.of("level", AttributeType.INTEGER),
            AttributeDef.of("score", AttributeType.DECIMAL),
            AttributeDef.dateTime("hiredAt"),
            AttributeDef.bool("remote"),
            AttributeDef.string("tags").multiValued(true),
            AttributeDef.string("company"));

    public static final SchemaRegistry REGISTRY = SchemaRegistry.standard().withExtension(SchemaRegistry.USER, ACME_SCHEMA);
    public static final ResourceType USER = REGISTRY.user();
    public static final ResourceType GROUP = REGISTRY.group();

    /** The user most engine tests start from. */
    public static final String BJENSEN = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
             "id": "u1", "externalId": "ext-1", "userName": "bjensen", "active": true, "title": "Tour Guide",
             "name": {"givenName": "Barbara", "familyName": "Jensen"},
             "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
                        {"value": "babs@jensen.org", "type": "home"}],
             "addresses": [{"type": "work", "formatted": "100 Universal City Plaza", "locality": "Hollywood"}],
             "meta": {"resourceType": "User", "created": "2010-01-23T04:56:22Z"},
             "%s": {"department": "Tour Operations", "manager": {"value": "m-1"}}}
            """.formatted(ENTERPRISE, ENTERPRISE);

    /** A user as Entra creates it: no manager yet, no work email, no addresses. */
    public static final String FRESH = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u2", "userName": "alice@contoso.com",
             "active": true, "emails": [{"value": "alice@home.example", "type": "home"}]}
            """;

    public static final String GROUP_DOC = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g1", "displayName": "Sales",
             "externalId": "grp-ext"}
            """;

    private TestJson() {
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    public static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** A PATCH body around {@code operations} (a JSON array). */
    public static JsonNode patchBody(String operations) {
        return json("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": "
                + operations + "}");
    }
}
