package dev.roster.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.Schema;
import dev.roster.scim.schema.SchemaRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A seeded directory of one tenant: users with every kind of attribute the filter compiler reads (columns, the emails side
 * table, memberships, jsonb in the core schema, the enterprise extension and a test extension with integer, decimal,
 * dateTime, boolean, binary and multi-valued attributes), in the shapes clients really send (mixed case, Entra's "True",
 * member names in other cases, a single object where an array belongs, empty values), plus soft-deleted users and groups
 * that must never be found. {@link #render} builds the resource as the API shows it, for the in-memory evaluator.
 */
final class TestDirectory {

    static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:rostertest:2.0:User";

    /** The standard registry plus a custom extension, as a tenant may configure one (R-03). */
    static final SchemaRegistry REGISTRY = SchemaRegistry.standard().withExtension("User", Schema.of(EXTENSION,
            "RosterTestUser", "Attributes of every remaining type",
            AttributeDef.of("level", AttributeType.INTEGER),
            AttributeDef.of("score", AttributeType.DECIMAL),
            AttributeDef.dateTime("hiredAt"),
            AttributeDef.bool("remote"),
            AttributeDef.string("tags").multiValued(true),
            AttributeDef.of("badge", AttributeType.BINARY),
            AttributeDef.string("code").caseExact(true)));

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_ID;
    private static final Instant EPOCH = Instant.parse("2019-01-01T00:00:00Z");

    private static final String[] GIVEN = {
        "Barbara", "Bob", "Zoë", "Åsa", "Björn", "José", "Chloé", "Ólafur", "Ian", "Ivy", "Oskar", "Mia", "Noah", "Lena",
        "Omar", "Priya", "Quinn", "Ravi", "Sara", "Tom", "Uma", "Vik", "Wen", "Xena", "Yara",
    };
    private static final String[] FAMILY = {
        "Jensen", "O'Brien", "Smith", "Müller", "García", "Nguyen", "Kowalski", "Ødegaard", "Da Silva", "Lee", "Khan",
        "Ivanova", "Zhang", "Brown", "50%Off", "Under_Score", "Bang!",
    };
    private static final String[] TITLES = {
        "Engineer", "Senior Engineer", "engineer", "VP, Sales", "50% Manager", "R&D_Lead", "Tour Guide", "CEO",
        "Director of \"Quotes\"", "Back\\slash", "Zoë's Assistant", "",
    };
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "sales", "R&D", "Tour Operations", "HR", ""};
    private static final String[] EMAIL_TYPES = {"work", "home", "other", "Work", "WORK"};
    private static final String[] DOMAINS = {"contoso.com", "Contoso.COM", "fabrikam.net", "example.org"};
    private static final String[] GROUP_NAMES = {
        "Engineering", "Sales (EMEA)", "LACreateGroup-(1a2b3c4d)", "50%_club", "Admins", "all users", "Design & UX",
        "Ops!", "Zoë's team", "Finance", "Marketing", "Support", "QA", "Interns", "Managers",
    };

    record UserRow(UUID id, String userName, String externalId, String displayName, boolean active, Instant created,
            Instant lastModified, Instant deletedAt, ObjectNode doc) {
    }

    record GroupRow(UUID id, String displayName, String externalId, Instant created, Instant lastModified,
            Instant deletedAt, ObjectNode doc) {
    }

    record Membership(UUID groupId, UUID memberId, String memberType) {
    }

    record Tenant(UUID id, List<UserRow> users, List<GroupRow> groups, List<Membership> memberships) {
    }

    private final Random random;
    private final UUID tenantId;

    private TestDirectory(UUID tenantId, long seed) {
        this.tenantId = tenantId;
        this.random = new Random(seed);
    }

    /** {@code liveUsers} users (plus a tenth as many soft-deleted ones) and {@code liveGroups} groups with memberships. */
    static Tenant generate(UUID tenantId, long seed, int liveUsers, int liveGroups) {
        return new TestDirectory(tenantId, seed).tenant(liveUsers, liveGroups);
    }

    /** The same resources under new ids in another tenant: a search of one tenant must never find them. */
    static Tenant lookalike(Tenant source, UUID tenantId) {
        Map<UUID, UUID> ids = new HashMap<>();
        source.users().forEach(user -> ids.put(user.id(), uuid(tenantId + "/" + user.id())));
        source.groups().forEach(group -> ids.put(group.id(), uuid(tenantId + "/" + group.id())));
        List<UserRow> users = source.users().stream().map(user -> new UserRow(ids.get(user.id()), user.userName(),
                user.externalId(), user.displayName(), user.active(), user.created(), user.lastModified(),
                user.deletedAt(), user.doc().deepCopy())).toList();
        List<GroupRow> groups = source.groups().stream().map(group -> new GroupRow(ids.get(group.id()),
                group.displayName(), group.externalId(), group.created(), group.lastModified(), group.deletedAt(),
                group.doc().deepCopy())).toList();
        List<Membership> memberships = source.memberships().stream().map(membership -> new Membership(
                ids.get(membership.groupId()), ids.get(membership.memberId()), membership.memberType())).toList();
        return new Tenant(tenantId, users, groups, memberships);
    }

    // ---- rendering: the resources as the API shows them ------------------------------------------------------------

    /** A user as served: the stored document with id, the column values, meta and the groups of live groups. */
    static ObjectNode renderUser(UserRow user, List<GroupRow> groups) {
        ObjectNode doc = user.doc().deepCopy();
        doc.put("id", user.id().toString());
        doc.put("userName", user.userName());
        putOrRemove(doc, "externalId", user.externalId());
        putOrRemove(doc, "displayName", user.displayName());
        doc.put("active", user.active());
        doc.set("meta", meta("User", user.created(), user.lastModified()));
        doc.remove("groups");
        if (!groups.isEmpty()) {
            ArrayNode array = doc.putArray("groups");
            for (GroupRow group : groups) {
                array.addObject().put("value", group.id().toString()).put("display", group.displayName())
                        .put("type", "direct");
            }
        }
        return doc;
    }

    /** A group as served: the stored document with id, the column values, meta and its members. */
    static ObjectNode renderGroup(GroupRow group, List<Membership> members) {
        ObjectNode doc = group.doc().deepCopy();
        doc.put("id", group.id().toString());
        doc.put("displayName", group.displayName());
        putOrRemove(doc, "externalId", group.externalId());
        doc.set("meta", meta("Group", group.created(), group.lastModified()));
        doc.remove("members");
        if (!members.isEmpty()) {
            ArrayNode array = doc.putArray("members");
            for (Membership member : members) {
                array.addObject().put("value", member.memberId().toString()).put("type", member.memberType());
            }
        }
        return doc;
    }

    private static ObjectNode meta(String resourceType, Instant created, Instant lastModified) {
        return JSON.objectNode().put("resourceType", resourceType).put("created", created.toString())
                .put("lastModified", lastModified.toString());
    }

    private static void putOrRemove(ObjectNode doc, String name, String value) {
        if (value == null) {
            doc.remove(name);
        } else {
            doc.put(name, value);
        }
    }

    // ---- generation ------------------------------------------------------------------------------------------------

    private Tenant tenant(int liveUsers, int liveGroups) {
        List<UserRow> users = new ArrayList<>();
        int total = liveUsers + liveUsers / 10;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            ids.add(uuid(tenantId + "/user/" + i));
        }
        for (int i = 0; i < total; i++) {
            boolean deleted = i >= liveUsers;
            // Soft-deleted users reuse live users' names: only the live one may ever be found.
            int nameIndex = deleted ? random.nextInt(liveUsers) : i;
            users.add(user(ids.get(i), nameIndex, ids, deleted));
        }
        List<GroupRow> groups = new ArrayList<>();
        int totalGroups = liveGroups + 2;
        for (int i = 0; i < totalGroups; i++) {
            groups.add(group(i, i >= liveGroups));
        }
        List<Membership> memberships = new ArrayList<>();
        for (GroupRow group : groups) {
            Set<UUID> members = new LinkedHashSet<>();
            int count = random.nextInt(5) == 0 ? 0 : random.nextInt(25);
            for (int k = 0; k < count; k++) {
                members.add(users.get(random.nextInt(users.size())).id());
            }
            for (UUID member : members) {
                memberships.add(new Membership(group.id(), member, "User"));
            }
            if (random.nextInt(4) == 0) {
                GroupRow nested = groups.get(random.nextInt(groups.size()));
                if (!nested.id().equals(group.id())) {
                    memberships.add(new Membership(group.id(), nested.id(), "Group"));
                }
            }
        }
        return new Tenant(tenantId, users, groups, memberships);
    }

    private UserRow user(UUID id, int index, List<UUID> ids, boolean deleted) {
        Random names = new Random(index * 7919L + 17);
        String given = GIVEN[names.nextInt(GIVEN.length)];
        String family = FAMILY[names.nextInt(FAMILY.length)];
        String local = switch (index % 4) {
            case 0 -> given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT).replace(" ", "");
            case 1 -> given + "." + family.replace(" ", "");
            case 2 -> given.substring(0, 1).toLowerCase(Locale.ROOT) + family.toLowerCase(Locale.ROOT).replace(" ", "");
            default -> "user_" + index + "%";
        };
        String userName = local + index + "@" + DOMAINS[index % DOMAINS.length];
        String externalId = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "EXT-" + index;
            case 3 -> "ext-" + index;
            default -> uuid("external/" + index).toString().toUpperCase(Locale.ROOT);
        };
        String displayName = switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> "";
            default -> given + " " + family;
        };
        boolean active = random.nextInt(4) != 0;
        Instant created = EPOCH.plus(Duration.ofSeconds(random.nextInt(6 * 365 * 86_400)))
                .plusMillis(random.nextInt(1000));
        Instant lastModified = created.plus(Duration.ofSeconds(random.nextInt(200 * 86_400))).plusMillis(random.nextInt(1000));

        ObjectNode doc = JSON.objectNode();
        doc.putArray("schemas").add(CoreSchemas.USER_ID).add(ENTERPRISE).add(EXTENSION);
        doc.put("userName", userName);
        if (externalId != null) {
            doc.put("externalId", externalId);
        }
        if (displayName != null) {
            doc.put("displayName", displayName);
        }
        // Entra sends "True"/"False" (Q2); the column holds the boolean.
        if (random.nextInt(5) == 0) {
            doc.put("active", active ? "True" : "False");
        } else {
            doc.put("active", active);
        }
        name(doc, given, family);
        title(doc);
        emails(doc, given, family, index);
        phoneNumbers(doc);
        addresses(doc);
        roles(doc);
        enterprise(doc, ids);
        extension(doc, index);
        Instant deletedAt = deleted ? lastModified.plusSeconds(60) : null;
        return new UserRow(id, userName, externalId, displayName, active, created.truncatedTo(ChronoUnit.MILLIS),
                lastModified.truncatedTo(ChronoUnit.MILLIS), deletedAt, doc);
    }

    private void name(ObjectNode doc, String given, String family) {
        switch (random.nextInt(8)) {
            case 0 -> { }
            case 1 -> doc.putObject("name");
            case 2 -> doc.putObject("NAME").put("GivenName", given).put("familyname", family);
            case 3 -> doc.putObject("name").put("givenName", "").put("familyName", family);
            default -> doc.putObject("name").put("givenName", given).put("familyName", family)
                    .put("formatted", given + " " + family).put("middleName", random.nextBoolean() ? "J." : null);
        }
    }

    private void title(ObjectNode doc) {
        switch (random.nextInt(12)) {
            case 0 -> { }
            case 1 -> doc.putNull("title");
            case 2 -> doc.put("title", 42);
            case 3 -> doc.putArray("title").add("Engineer").add("Mentor");
            case 4 -> doc.put("Title", TITLES[random.nextInt(TITLES.length)]);
            // two spellings, neither exact: the first in stored order counts, for the database and the evaluator alike
            case 5 -> doc.put("TITLE", "Upper").put("Title", "Mixed");
            default -> doc.put("title", TITLES[random.nextInt(TITLES.length)]);
        }
        if (random.nextInt(3) == 0) {
            doc.put("nickName", random.nextBoolean() ? "Babs" : "bobby");
        }
        if (random.nextInt(3) == 0) {
            doc.put("userType", random.nextBoolean() ? "Employee" : "Contractor");
        }
        if (random.nextInt(3) == 0) {
            doc.put("locale", random.nextBoolean() ? "en-US" : "de-DE");
            doc.put("preferredLanguage", random.nextBoolean() ? "en" : "de");
            doc.put("timezone", random.nextBoolean() ? "America/Los_Angeles" : "Europe/Berlin");
        }
        if (random.nextInt(4) == 0) {
            doc.put("profileUrl", "https://example.org/Profiles/" + random.nextInt(50));
        }
    }

    private void emails(ObjectNode doc, String given, String family, int index) {
        int count = random.nextInt(4);
        if (count == 0) {
            return;
        }
        String local = (given + "." + family).replace(" ", "").replace("'", "");
        ArrayNode emails = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode email = emails.addObject();
            String value = (random.nextBoolean() ? local : local.toUpperCase(Locale.ROOT)) + index
                    + (i == 0 ? "" : "+" + i) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            switch (random.nextInt(10)) {
                case 0 -> { }
                case 1 -> email.put("value", "");
                case 2 -> email.put("Value", value);
                default -> email.put("value", value);
            }
            if (random.nextInt(5) != 0) {
                email.put("type", EMAIL_TYPES[random.nextInt(EMAIL_TYPES.length)]);
            }
            switch (random.nextInt(5)) {
                case 0 -> email.put("primary", true);
                case 1 -> email.put("primary", false);
                case 2 -> email.put("primary", random.nextBoolean() ? "True" : "false");
                default -> { }
            }
            if (random.nextInt(4) == 0) {
                email.put("display", given + " at " + (i == 0 ? "work" : "home"));
            }
        }
        // A client may send one object where an array belongs; it counts as one element.
        if (count == 1 && random.nextBoolean()) {
            doc.set("emails", emails.get(0));
        } else {
            doc.set("emails", emails);
        }
        if (random.nextInt(12) == 0) {
            ((ArrayNode) doc.withArray("ims")).add("not-an-object");
        }
    }

    private void phoneNumbers(ObjectNode doc) {
        int count = random.nextInt(3);
        if (count == 0) {
            return;
        }
        ArrayNode phones = doc.putArray("phoneNumbers");
        for (int i = 0; i < count; i++) {
            ObjectNode phone = phones.addObject();
            phone.put("value", "+1 555-01" + (10 + random.nextInt(90)));
            phone.put("type", random.nextBoolean() ? "work" : "mobile");
            if (random.nextInt(3) == 0) {
                phone.put("primary", i == 0);
            }
        }
        if (random.nextInt(6) == 0) {
            phones.addObject();
        }
    }

    private void addresses(ObjectNode doc) {
        if (random.nextInt(3) == 0) {
            return;
        }
        ObjectNode address = doc.putArray("addresses").addObject();
        address.put("streetAddress", (100 + random.nextInt(900)) + " Main St");
        address.put("locality", random.nextBoolean() ? "Redmond" : "München");
        address.put("region", random.nextBoolean() ? "WA" : "BY");
        address.put("postalCode", String.valueOf(10_000 + random.nextInt(89_999)));
        address.put("country", random.nextBoolean() ? "US" : "DE");
        address.put("type", "work");
        address.put("primary", true);
    }

    private void roles(ObjectNode doc) {
        if (random.nextInt(4) == 0) {
            ArrayNode roles = doc.putArray("roles");
            roles.addObject().put("value", random.nextBoolean() ? "admin" : "Reader").put("primary", "True");
            if (random.nextBoolean()) {
                roles.addObject().put("value", "auditor").put("display", "Auditor");
            }
        }
        if (random.nextInt(8) == 0) {
            doc.putArray("x509Certificates").addObject().put("value", random.nextBoolean() ? "MIIB" : "miib");
        }
    }

    private void enterprise(ObjectNode doc, List<UUID> ids) {
        if (random.nextInt(4) == 0) {
            return;
        }
        // The URN key in another case now and then: member names are case-insensitive (RFC 7643 §2.1).
        ObjectNode enterprise = doc.putObject(random.nextInt(6) == 0 ? ENTERPRISE.toLowerCase(Locale.ROOT) : ENTERPRISE);
        enterprise.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        if (random.nextBoolean()) {
            enterprise.put("employeeNumber", String.valueOf(1000 + random.nextInt(9000)));
        }
        if (random.nextInt(3) == 0) {
            enterprise.put("costCenter", "CC-" + random.nextInt(20));
        }
        if (random.nextInt(3) == 0) {
            enterprise.put("organization", "Contoso");
            enterprise.put("division", random.nextBoolean() ? "North" : "South");
        }
        if (random.nextInt(3) != 0) {
            String manager = ids.get(random.nextInt(ids.size())).toString();
            switch (random.nextInt(4)) {
                // Entra's shapes (manager as an object, Q-items); "value" is what a filter compares
                case 0 -> enterprise.putObject("manager").put("value", manager);
                case 1 -> enterprise.putObject("manager").put("value", manager.toUpperCase(Locale.ROOT))
                        .put("displayName", "The Boss");
                case 2 -> enterprise.putObject("manager").put("value", "");
                default -> enterprise.putObject("manager").put("value", manager).put("$ref", "../Users/" + manager);
            }
        }
    }

    private void extension(ObjectNode doc, int index) {
        if (random.nextInt(5) == 0) {
            return;
        }
        ObjectNode extension = doc.putObject(EXTENSION);
        switch (random.nextInt(5)) {
            case 0 -> extension.put("level", 1 + random.nextInt(10));
            case 1 -> extension.put("level", String.valueOf(1 + random.nextInt(10)));
            case 2 -> extension.put("level", "high");
            case 3 -> extension.put("level", 1 + random.nextInt(10) * 1000);
            default -> { }
        }
        if (random.nextBoolean()) {
            extension.put("score", BigDecimal.valueOf(random.nextInt(10_000), 2));
        }
        switch (random.nextInt(8)) {
            case 0 -> extension.put("hiredAt", "2015-03-04T05:06:07Z");
            case 1 -> extension.put("hiredAt", dateTime(random.nextInt(3000), "+02:00"));
            case 2 -> extension.put("hiredAt", dateTime(random.nextInt(3000), ""));
            case 3 -> extension.put("hiredAt", dateTime(random.nextInt(3000), "Z").substring(0, 16));
            case 4 -> extension.put("hiredAt", "not a date");
            case 5 -> extension.put("hiredAt", "2015-02-30T00:00:00Z");
            case 6 -> extension.put("hiredAt", dateTime(random.nextInt(3000), ".250-05:30"));
            default -> { }
        }
        switch (random.nextInt(5)) {
            case 0 -> extension.put("remote", true);
            case 1 -> extension.put("remote", false);
            case 2 -> extension.put("remote", "TRUE");
            case 3 -> extension.put("remote", "no");
            default -> { }
        }
        if (random.nextBoolean()) {
            ArrayNode tags = extension.putArray("tags").add("alpha").add(random.nextBoolean() ? "Beta" : "gamma delta");
            if (random.nextBoolean()) {
                tags.add("");
            }
        } else if (random.nextInt(3) == 0) {
            extension.put("tags", "solo");
        }
        if (random.nextInt(3) == 0) {
            extension.put("badge", random.nextBoolean() ? "QUJD" : "qujd");
        }
        if (random.nextInt(3) == 0) {
            extension.put("code", (random.nextBoolean() ? "AbC-" : "abc-") + (index % 7));
        }
    }

    private static String dateTime(int days, String suffix) {
        Instant instant = Instant.parse("2012-01-01T00:00:00Z").plus(Duration.ofDays(days)).plusSeconds(days * 37L);
        return instant.toString().substring(0, 19) + suffix;
    }

    private GroupRow group(int index, boolean deleted) {
        String displayName = index < GROUP_NAMES.length ? GROUP_NAMES[index] : "Team " + index;
        if (deleted) {
            displayName = displayName + " (old)";
        }
        String externalId = random.nextInt(3) == 0 ? null : "grp-" + index;
        Instant created = EPOCH.plus(Duration.ofDays(random.nextInt(2000))).plusMillis(random.nextInt(1000));
        Instant lastModified = created.plus(Duration.ofDays(random.nextInt(100)));
        ObjectNode doc = JSON.objectNode();
        doc.putArray("schemas").add(CoreSchemas.GROUP_ID);
        doc.put("displayName", displayName);
        if (externalId != null) {
            doc.put("externalId", externalId);
        }
        if (random.nextInt(4) == 0) {
            doc.put("description", "junk the schema does not define");
        }
        return new GroupRow(uuid(tenantId + "/group/" + index), displayName, externalId, created, lastModified,
                deleted ? lastModified.plusSeconds(5) : null, doc);
    }

    static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** Every scalar in a rendered resource, by lower-case path ({@code title}, {@code emails.value}, {@code urn:..:manager.value}). */
    static Map<String, List<JsonNode>> samples(List<ObjectNode> resources) {
        Map<String, List<JsonNode>> samples = new HashMap<>();
        for (ObjectNode resource : resources) {
            resource.properties().forEach(member -> {
                String key = member.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("urn:") && member.getValue().isObject()) {
                    member.getValue().properties().forEach(inner -> collect(samples, key + ":"
                            + inner.getKey().toLowerCase(Locale.ROOT), inner.getValue()));
                } else {
                    collect(samples, key, member.getValue());
                }
            });
        }
        return samples;
    }

    private static void collect(Map<String, List<JsonNode>> samples, String path, JsonNode node) {
        if (node.isArray()) {
            node.forEach(element -> collect(samples, path, element));
        } else if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getValue().isValueNode()) {
                    samples.computeIfAbsent(path + "." + member.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(member.getValue());
                }
            });
        } else if (node.isValueNode()) {
            samples.computeIfAbsent(path, k -> new ArrayList<>()).add(node);
        }
    }
}
