package dev.roster.scim.schema;

import static dev.roster.scim.schema.AttributeDef.bool;
import static dev.roster.scim.schema.AttributeDef.complex;
import static dev.roster.scim.schema.AttributeDef.dateTime;
import static dev.roster.scim.schema.AttributeDef.reference;
import static dev.roster.scim.schema.AttributeDef.string;

import java.util.List;

/**
 * The schemas RFC 7643 defines: the common attributes (§3.1), User (§4.1), Group (§4.2) and the enterprise User extension
 * (§4.3), with the characteristics of their §8.7.1 representations. Deviations are commented where they are made.
 * All values here are immutable.
 */
public final class CoreSchemas {

    public static final String USER_ID = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_ID = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER_ID = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /**
     * §3.1: id, externalId and meta belong to every resource but to no schema. {@code id} is case-exact and assigned by the
     * server; {@code externalId} is case-exact too (it is the client's identifier, Entra matches on it, R-10).
     */
    public static final List<AttributeDef> COMMON_ATTRIBUTES = List.of(
            string("id").caseExact(true).mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER).description("The service provider's unique identifier of the resource."),
            string("externalId").caseExact(true)
                    .description("The provisioning client's identifier of the resource."),
            complex("meta",
                    string("resourceType").caseExact(true).mutability(Mutability.READ_ONLY)
                            .description("The name of the resource type."),
                    dateTime("created").mutability(Mutability.READ_ONLY)
                            .description("When the resource was added to the service provider."),
                    dateTime("lastModified").mutability(Mutability.READ_ONLY)
                            .description("When the resource was last changed."),
                    reference("location", "uri").mutability(Mutability.READ_ONLY)
                            .description("The URI of the resource."),
                    string("version").caseExact(true).mutability(Mutability.READ_ONLY)
                            .description("The entity tag of the resource's current version."))
                    .mutability(Mutability.READ_ONLY).description("Resource metadata."));

    public static final Schema USER = new Schema(USER_ID, "User", "User Account", List.of(
            string("userName").required(true).uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier the user signs in with; case-insensitive (RFC 7643 §4.1.1)."),
            complex("name",
                    string("formatted").description("The full name, formatted for display."),
                    string("familyName").description("The family name, or last name."),
                    string("givenName").description("The given name, or first name."),
                    string("middleName").description("The middle name(s)."),
                    string("honorificPrefix").description("Honorific prefix, such as Ms."),
                    string("honorificSuffix").description("Honorific suffix, such as III."))
                    .description("The components of the user's name."),
            string("displayName").description("The name of the user, suitable for display."),
            string("nickName").description("The casual way to address the user."),
            reference("profileUrl", "external").description("A URI of the user's online profile."),
            string("title").description("The user's title, such as Vice President."),
            string("userType").description("The relationship between the organization and the user."),
            string("preferredLanguage").description("The user's preferred written or spoken language."),
            string("locale").description("The user's default location, for localizing."),
            string("timezone").description("The user's time zone in IANA format, such as America/Los_Angeles."),
            bool("active").description("The user's administrative status."),
            string("password").mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER)
                    .description("The user's clear-text password; never returned."),
            multiValuedValues("emails", string("value").description("Email address."),
                    "work", "home", "other").description("Email addresses of the user."),
            multiValuedValues("phoneNumbers", string("value").description("Phone number."),
                    "work", "mobile", "fax", "home", "other", "pager").description("Phone numbers of the user."),
            multiValuedValues("ims", string("value").description("Instant messaging address."),
                    "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo")
                    .description("Instant messaging addresses of the user."),
            multiValuedValues("photos", reference("value", "external").description("URL of a photo."),
                    "photo", "thumbnail").description("URLs of photos of the user."),
            complex("addresses",
                    string("formatted").description("The full mailing address, formatted for display."),
                    string("streetAddress").description("The street address."),
                    string("locality").description("The city or locality."),
                    string("region").description("The state or region."),
                    string("postalCode").description("The zip or postal code."),
                    string("country").description("The country, as an ISO 3166-1 alpha-2 code."),
                    string("type").canonicalValues("work", "home", "other").description("The kind of address."),
                    bool("primary").description("Whether this is the primary address."))
                    .multiValued(true).description("Physical mailing addresses of the user."),
            // §4.1.2: groups are derived from memberships and read-only to clients.
            complex("groups",
                    string("value").mutability(Mutability.READ_ONLY).description("The id of the group."),
                    reference("$ref", "User", "Group").mutability(Mutability.READ_ONLY)
                            .description("The URI of the group."),
                    string("display").mutability(Mutability.READ_ONLY).description("The group's display name."),
                    string("type").canonicalValues("direct", "indirect").mutability(Mutability.READ_ONLY)
                            .description("Direct or indirect membership."))
                    .multiValued(true).mutability(Mutability.READ_ONLY).description("The groups the user belongs to."),
            multiValued("entitlements", string("value").description("The entitlement."))
                    .description("Entitlements of the user."),
            multiValued("roles", string("value").description("The role.")).description("Roles of the user."),
            multiValued("x509Certificates",
                    AttributeDef.of("value", AttributeType.BINARY).description("A DER certificate, base64-encoded."))
                    .description("X.509 certificates issued to the user.")));

    public static final Schema GROUP = new Schema(GROUP_ID, "Group", "Group", List.of(
            // §4.2 calls displayName REQUIRED (the §8.7.1 listing says false); Roster keeps it unique per tenant,
            // so it advertises what it enforces.
            string("displayName").required(true).uniqueness(Uniqueness.SERVER)
                    .description("A human-readable name for the group."),
            complex("members",
                    string("value").mutability(Mutability.IMMUTABLE).description("The id of the member."),
                    reference("$ref", "User", "Group").mutability(Mutability.IMMUTABLE)
                            .description("The URI of the member."),
                    string("display").mutability(Mutability.IMMUTABLE).description("The member's display name."),
                    string("type").canonicalValues("User", "Group").mutability(Mutability.IMMUTABLE)
                            .description("The member's resource type."))
                    .multiValued(true).description("The members of the group.")));

    public static final Schema ENTERPRISE_USER = new Schema(ENTERPRISE_USER_ID, "EnterpriseUser", "Enterprise User",
            List.of(
                    string("employeeNumber").description("Identifier assigned by the organization."),
                    string("costCenter").description("Name of a cost center."),
                    string("organization").description("Name of an organization."),
                    string("division").description("Name of a division."),
                    string("department").description("Name of a department."),
                    complex("manager",
                            string("value").description("The id of the user's manager."),
                            reference("$ref", "User").description("The URI of the manager."),
                            string("displayName").mutability(Mutability.READ_ONLY)
                                    .description("The manager's display name."))
                            .description("The user's manager.")));

    private CoreSchemas() {
    }

    /** §4.1.2 / §2.4: a multi-valued complex attribute with value, display, type and primary. */
    private static AttributeDef multiValued(String name, AttributeDef value) {
        return complex(name,
                value,
                string("display").description("A human-readable name for display."),
                string("type").description("A label for the value's function."),
                bool("primary").description("Whether this is the primary value."))
                .multiValued(true);
    }

    private static AttributeDef multiValuedValues(String name, AttributeDef value, String... types) {
        return complex(name,
                value,
                string("display").description("A human-readable name for display."),
                string("type").canonicalValues(types).description("A label for the value's function."),
                bool("primary").description("Whether this is the primary value."))
                .multiValued(true);
    }
}
