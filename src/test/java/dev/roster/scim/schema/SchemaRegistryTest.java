package dev.roster.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaRegistryTest {

    private static final String BLINK = "urn:ietf:params:scim:schemas:extension:blink:2.0:User";
    private static final Schema BLINK_SCHEMA = Schema.of(BLINK, "BlinkUser", "Blink user attributes",
            AttributeDef.string("company"), AttributeDef.string("description"), AttributeDef.string("location"));

    /** Every attribute of RFC 7643 §4.1 with its type and plurality. */
    static Stream<Arguments> userAttributes() {
        return Stream.of(
                Arguments.of("userName", AttributeType.STRING, false),
                Arguments.of("name", AttributeType.COMPLEX, false),
                Arguments.of("displayName", AttributeType.STRING, false),
                Arguments.of("nickName", AttributeType.STRING, false),
                Arguments.of("profileUrl", AttributeType.REFERENCE, false),
                Arguments.of("title", AttributeType.STRING, false),
                Arguments.of("userType", AttributeType.STRING, false),
                Arguments.of("preferredLanguage", AttributeType.STRING, false),
                Arguments.of("locale", AttributeType.STRING, false),
                Arguments.of("timezone", AttributeType.STRING, false),
                Arguments.of("active", AttributeType.BOOLEAN, false),
                Arguments.of("password", AttributeType.STRING, false),
                Arguments.of("emails", AttributeType.COMPLEX, true),
                Arguments.of("phoneNumbers", AttributeType.COMPLEX, true),
                Arguments.of("ims", AttributeType.COMPLEX, true),
                Arguments.of("photos", AttributeType.COMPLEX, true),
                Arguments.of("addresses", AttributeType.COMPLEX, true),
                Arguments.of("groups", AttributeType.COMPLEX, true),
                Arguments.of("entitlements", AttributeType.COMPLEX, true),
                Arguments.of("roles", AttributeType.COMPLEX, true),
                Arguments.of("x509Certificates", AttributeType.COMPLEX, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userAttributes")
    void coreUserSchemaDefinesEveryRfc7643Attribute(String name, AttributeType type, boolean multiValued) {
        AttributeDef def = CoreSchemas.USER.attribute(name).orElseThrow();

        assertEquals(name, def.name());
        assertEquals(type, def.type());
        assertEquals(multiValued, def.multiValued());
    }

    @Test
    void coreUserSchemaHasNoAttributesBeyondRfc7643() {
        assertEquals(userAttributes().count(), CoreSchemas.USER.attributes().size());
    }

    @Test
    void userNameIsRequiredUniqueAndNotCaseExactWhileIdAndExternalIdAreCaseExact() {
        ResourceType user = SchemaRegistry.standard().user();
        AttributeDef userName = user.resolve(null, "userName", null).orElseThrow().target();
        AttributeDef id = user.resolve(null, "id", null).orElseThrow().target();
        AttributeDef externalId = user.resolve(null, "externalId", null).orElseThrow().target();

        assertFalse(userName.caseExact());
        assertTrue(userName.required());
        assertEquals(Uniqueness.SERVER, userName.uniqueness());
        assertTrue(id.caseExact());
        assertEquals(Mutability.READ_ONLY, id.mutability());
        assertEquals(Returned.ALWAYS, id.returned());
        assertTrue(externalId.caseExact());
    }

    static Stream<Arguments> canonicalTypes() {
        return Stream.of(
                Arguments.of("emails", List.of("work", "home", "other")),
                Arguments.of("phoneNumbers", List.of("work", "mobile", "fax", "home", "other", "pager")),
                Arguments.of("addresses", List.of("work", "home", "other")),
                Arguments.of("photos", List.of("photo", "thumbnail")),
                Arguments.of("ims", List.of("aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalTypes")
    void multiValuedAttributesAdvertiseCanonicalTypesForEntraSchemaDiscovery(String name, List<String> types) {
        AttributeDef type = CoreSchemas.USER.attribute(name).orElseThrow().subAttribute("type").orElseThrow();

        assertEquals(types, type.canonicalValues());
    }

    @Test
    void passwordIsWriteOnlyAndNeverReturned() {
        AttributeDef password = CoreSchemas.USER.attribute("password").orElseThrow();

        assertEquals(Mutability.WRITE_ONLY, password.mutability());
        assertEquals(Returned.NEVER, password.returned());
    }

    @Test
    void groupsAreReadOnlyToClients() {
        AttributeDef groups = CoreSchemas.USER.attribute("groups").orElseThrow();

        assertEquals(Mutability.READ_ONLY, groups.mutability());
        assertTrue(groups.subAttributes().stream().allMatch(sub -> sub.mutability() == Mutability.READ_ONLY));
    }

    @Test
    void photosValueAndCertificateValueHaveTheirRfcTypes() {
        assertEquals(AttributeType.REFERENCE,
                CoreSchemas.USER.attribute("photos").orElseThrow().subAttribute("value").orElseThrow().type());
        assertEquals(AttributeType.BINARY,
                CoreSchemas.USER.attribute("x509Certificates").orElseThrow().subAttribute("value").orElseThrow().type());
    }

    @Test
    void groupSchemaHasDisplayNameAndMembersOfUsersOrGroups() {
        AttributeDef members = CoreSchemas.GROUP.attribute("members").orElseThrow();

        assertTrue(CoreSchemas.GROUP.attribute("displayName").orElseThrow().required());
        assertTrue(members.multiValued());
        assertEquals(List.of("value", "$ref", "display", "type"),
                members.subAttributes().stream().map(AttributeDef::name).toList());
        assertEquals(List.of("User", "Group"), members.subAttribute("type").orElseThrow().canonicalValues());
        assertEquals(List.of("User", "Group"), members.subAttribute("$ref").orElseThrow().referenceTypes());
    }

    @Test
    void enterpriseExtensionHasItsAttributesAndAComplexManager() {
        assertEquals(List.of("employeeNumber", "costCenter", "organization", "division", "department", "manager"),
                CoreSchemas.ENTERPRISE_USER.attributes().stream().map(AttributeDef::name).toList());
        AttributeDef manager = CoreSchemas.ENTERPRISE_USER.attribute("manager").orElseThrow();
        assertEquals(List.of("value", "$ref", "displayName"),
                manager.subAttributes().stream().map(AttributeDef::name).toList());
        assertEquals(Mutability.READ_ONLY, manager.subAttribute("displayName").orElseThrow().mutability());
    }

    // ---- resolution -----------------------------------------------------------------------------------------------

    @Test
    void resolutionIgnoresCaseWithOrWithoutUrn() {
        ResourceType user = SchemaRegistry.standard().user();

        ResolvedAttribute plain = user.resolve(null, "NAME", "GIVENNAME").orElseThrow();
        ResolvedAttribute qualified = user.resolve("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", "name", "givenName")
                .orElseThrow();

        assertEquals("givenName", plain.target().name());
        assertEquals(plain, qualified);
        assertFalse(plain.extension());
    }

    @Test
    void extensionAttributesResolveUnderTheirSchemaWithUrnWithoutUrnAndInEntrasLegacyDotForm() {
        ResourceType user = SchemaRegistry.standard().user();
        String enterprise = CoreSchemas.ENTERPRISE_USER_ID;

        ResolvedAttribute byUrn = user.resolve(enterprise, "manager", "value").orElseThrow();
        ResolvedAttribute bare = user.resolve(null, "manager", "value").orElseThrow();
        ResolvedAttribute legacy = user.resolve("urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User",
                "department").orElseThrow();

        assertTrue(byUrn.extension());
        assertEquals(enterprise, byUrn.schemaId());
        assertEquals(byUrn, bare);
        assertEquals("department", legacy.attribute().name());
        assertEquals(enterprise, legacy.schemaId());
    }

    @Test
    void unknownNamesResolveToNothing() {
        ResourceType user = SchemaRegistry.standard().user();

        assertTrue(user.resolve(null, "nickname2", null).isEmpty());
        assertTrue(user.resolve(null, "userName", "sub").isEmpty());
        assertTrue(user.resolve(null, "emails", "nosuch").isEmpty());
        assertTrue(user.resolve("urn:unknown", "userName", null).isEmpty());
        assertTrue(user.resolve(CoreSchemas.GROUP_ID, "displayName", null).isEmpty());
        assertTrue(SchemaRegistry.standard().group().resolve(null, "userName", null).isEmpty());
    }

    @Test
    void commonAttributesResolveForEveryResourceType() {
        for (ResourceType type : SchemaRegistry.standard().resourceTypes()) {
            assertEquals("lastModified", type.resolve(null, "meta", "lastModified").orElseThrow().target().name());
            assertEquals(AttributeType.DATE_TIME, type.resolve(null, "meta", "created").orElseThrow().target().type());
        }
    }

    // ---- per-tenant registries ------------------------------------------------------------------------------------

    @Test
    void tenantRegistryAddsACustomExtensionWithoutChangingTheStandardOne() {
        SchemaRegistry tenant = SchemaRegistry.standard().withExtension("user", BLINK_SCHEMA);

        assertEquals("company", tenant.user().resolve(BLINK, "COMPANY", null).orElseThrow().attribute().name());
        assertTrue(tenant.user().resolve(BLINK, "company", null).orElseThrow().extension());
        assertTrue(SchemaRegistry.standard().user().resolve(BLINK, "company", null).isEmpty());
        assertEquals(List.of(CoreSchemas.USER_ID, CoreSchemas.GROUP_ID, CoreSchemas.ENTERPRISE_USER_ID, BLINK),
                tenant.schemas().stream().map(Schema::id).toList());
        assertEquals(BLINK_SCHEMA, tenant.schema(BLINK.toUpperCase()).orElseThrow());
    }

    @Test
    void registeringASchemaTwiceOrOnAnUnknownResourceTypeIsRefused() {
        SchemaRegistry tenant = SchemaRegistry.standard().withExtension("User", BLINK_SCHEMA);

        assertThrows(IllegalArgumentException.class, () -> tenant.withExtension("Group", BLINK_SCHEMA));
        assertThrows(IllegalArgumentException.class, () -> tenant.withExtension("Device", Schema.of("urn:x", "X", "")));
        assertThrows(IllegalArgumentException.class, () -> Schema.of("urn:y", "Y", "",
                AttributeDef.string("a"), AttributeDef.string("A")));
    }

    @Test
    void complexSubAttributesCannotBeComplex() {
        assertThrows(IllegalArgumentException.class, () -> AttributeDef.complex("outer",
                AttributeDef.complex("inner", AttributeDef.string("x"))));
    }
}
