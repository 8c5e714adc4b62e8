package dev.roster.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceType;
import dev.roster.scim.schema.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of filters over one resource type, aimed at a data set: attribute paths from the schema (core,
 * common, extension, with and without URN, in odd cases, plus unknown ones), every operator, and literals taken from the
 * data (so that filters select something), mutated (case, substrings, neighbours for ordering) or hostile (wildcards,
 * quotes, U+0000, lone surrogates, SQL). Value paths, Entra's {@code emails[type eq "work"].value eq "x"} form, and
 * and/or/not nesting. Some filters are type errors on purpose: both sides must reject them alike.
 */
final class FilterGenerator {

    private static final String[] HOSTILE = {
        "", "%", "_", "!", "!%", "a%b", "%_%", "'", "''", "\"", "\\", "\\%", "a\u0000b", "\u0000", "x\ud800",
        "\udc00y", "\ud83d\ude00", "é", "É", "' or '1'='1", "); drop table scim_user; --", ":tenant", "?", "$1", "{}",
        "[]", "null", "true", "12", "lax $[*]", "\"\"", "Zoë", "ZOË",
    };
    private static final String[] WORDS = {"a", "e", "x", "work", "WORK", "Engineer", "sales", "@contoso.com", "user_",
        "50%", "Off", "o'b", "ö", "Å", "m", "z", "~", "0", "9"};

    private final Random random;
    private final ResourceType type;
    private final Map<String, List<JsonNode>> samples;
    private final List<Target> targets = new ArrayList<>();
    private final List<Target> complex = new ArrayList<>();

    /** One attribute path the generator may name, with the definition it ends at and its sample key. */
    private record Target(String schema, AttributeDef attribute, AttributeDef sub, String sampleKey, int weight) {
    }

    FilterGenerator(long seed, ResourceType type, Map<String, List<JsonNode>> samples) {
        this.random = new Random(seed);
        this.type = type;
        this.samples = samples;
        addAll(null, CoreSchemas.COMMON_ATTRIBUTES);
        addAll(type.schema(), type.schema().attributes());
        for (Schema extension : type.extensions()) {
            addAll(extension, extension.attributes());
        }
    }

    private void addAll(Schema schema, List<AttributeDef> attributes) {
        boolean extension = schema != null && type.extensions().contains(schema);
        for (AttributeDef attribute : attributes) {
            String key = (extension ? schema.id().toLowerCase(Locale.ROOT) + ":" : "")
                    + attribute.name().toLowerCase(Locale.ROOT);
            int weight = hot(attribute.name()) ? 6 : 2;
            targets.add(new Target(extension ? schema.id() : null, attribute, null, key, weight));
            if (attribute.isComplex()) {
                complex.add(new Target(extension ? schema.id() : null, attribute, null, key, weight));
                for (AttributeDef sub : filterable(attribute)) {
                    targets.add(new Target(extension ? schema.id() : null, attribute, sub,
                            key + "." + sub.name().toLowerCase(Locale.ROOT), weight));
                }
            }
        }
    }

    /**
     * The sub-attributes Roster can filter on: not meta.location/version, members.display/$ref, groups.$ref, which the
     * compiler refuses (FilterCompilerTest covers those).
     */
    private static List<AttributeDef> filterable(AttributeDef attribute) {
        List<AttributeDef> out = new ArrayList<>();
        for (AttributeDef sub : attribute.subAttributes()) {
            String pair = attribute.name() + "." + sub.name();
            if (!List.of("meta.location", "meta.version", "members.display", "members.$ref", "groups.$ref")
                    .contains(pair)) {
                out.add(sub);
            }
        }
        return out;
    }

    private static boolean hot(String name) {
        return switch (name) {
            case "userName", "externalId", "displayName", "id", "emails", "members", "groups", "active", "meta",
                 "name", "manager", "level", "hiredAt", "title" -> true;
            default -> false;
        };
    }

    Filter next() {
        return filter(random.nextInt(4));
    }

    private Filter filter(int depth) {
        if (depth == 0 || random.nextInt(100) < 40) {
            return random.nextInt(100) < 22 ? valuePath() : atom();
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> new Filter.And(operands(depth));
            case 2, 3 -> new Filter.Or(operands(depth));
            default -> new Filter.Not(filter(depth - 1));
        };
    }

    private List<Filter> operands(int depth) {
        List<Filter> operands = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            operands.add(filter(depth - 1));
        }
        return operands;
    }

    // ---- atoms -----------------------------------------------------------------------------------------------------

    private Filter atom() {
        if (random.nextInt(40) == 0) {
            return unknownAtom();
        }
        Target target = pick(targets);
        AttrPath path = path(target);
        AttributeDef def = target.sub() != null ? target.sub() : target.attribute();
        String sampleKey = target.sampleKey();
        if (def.isComplex() && def.subAttribute("value").isPresent()) {
            sampleKey = sampleKey + ".value"; // compared through its "value" (RFC 7644 §3.4.2.2)
            def = def.subAttribute("value").get();
        }
        return expression(path, def, sampleKey);
    }

    private Filter unknownAtom() {
        AttrPath path = switch (random.nextInt(4)) {
            case 0 -> AttrPath.of("nonesuch");
            case 1 -> AttrPath.of("name", "nickname");
            case 2 -> new AttrPath("urn:example:unknown:2.0:User", "department", null);
            default -> AttrPath.of("description");
        };
        return expression(path, AttributeDef.string("x"), "title");
    }

    private Filter.AttrExpression expression(AttrPath path, AttributeDef def, String sampleKey) {
        if (random.nextInt(100) < 12) {
            return new Filter.Present(path);
        }
        for (int attempt = 0; ; attempt++) {
            CompareOp op = operator(def);
            FilterValue value = value(def, sampleKey, op);
            try {
                return new Filter.Compare(path, op, value);
            } catch (IllegalArgumentException notAValidLiteral) {
                // e.g. "gt null", "co true": the grammar's own rules; pick again
            }
            if (attempt > 20) {
                return new Filter.Present(path);
            }
        }
    }

    private CompareOp operator(AttributeDef def) {
        CompareOp[] ops = CompareOp.values();
        // Mostly the operators the type supports; now and then any, which must fail alike on both sides.
        if (random.nextInt(15) != 0) {
            switch (def.type()) {
                case BOOLEAN -> {
                    return random.nextBoolean() ? CompareOp.EQ : CompareOp.NE;
                }
                case INTEGER, DECIMAL, DATE_TIME -> {
                    CompareOp[] ordered = {CompareOp.EQ, CompareOp.NE, CompareOp.GT, CompareOp.GE, CompareOp.LT,
                        CompareOp.LE};
                    return ordered[random.nextInt(ordered.length)];
                }
                default -> {
                    if (random.nextInt(3) == 0) {
                        return CompareOp.EQ;
                    }
                }
            }
        }
        return ops[random.nextInt(ops.length)];
    }

    // ---- value paths -----------------------------------------------------------------------------------------------

    private Filter valuePath() {
        Target target = pick(complex);
        AttrPath attribute = path(target);
        List<AttributeDef> subs = filterable(target.attribute());
        Filter elementFilter = elementFilter(target, subs, 1 + random.nextInt(2));
        Filter.AttrExpression tail = null;
        if (random.nextInt(3) == 0 && !subs.isEmpty()) {
            AttributeDef sub = subs.get(random.nextInt(subs.size()));
            tail = expression(AttrPath.of(caseOf(sub.name())), sub, target.sampleKey() + "." + sub.name()
                    .toLowerCase(Locale.ROOT));
        }
        return new Filter.ValuePath(attribute, elementFilter, tail);
    }

    private Filter elementFilter(Target target, List<AttributeDef> subs, int depth) {
        if (depth == 0 || random.nextInt(100) < 55 || subs.isEmpty()) {
            if (subs.isEmpty() || random.nextInt(25) == 0) {
                return expression(AttrPath.of("nonesuch"), AttributeDef.string("x"), "title");
            }
            AttributeDef sub = subs.get(random.nextInt(subs.size()));
            return expression(AttrPath.of(caseOf(sub.name())), sub, target.sampleKey() + "."
                    + sub.name().toLowerCase(Locale.ROOT));
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> new Filter.And(List.of(elementFilter(target, subs, depth - 1),
                    elementFilter(target, subs, depth - 1)));
            case 2, 3 -> new Filter.Or(List.of(elementFilter(target, subs, depth - 1),
                    elementFilter(target, subs, depth - 1)));
            default -> new Filter.Not(elementFilter(target, subs, depth - 1));
        };
    }

    // ---- paths -----------------------------------------------------------------------------------------------------

    private AttrPath path(Target target) {
        String name = caseOf(target.attribute().name());
        String sub = target.sub() == null ? null : caseOf(target.sub().name());
        if (target.schema() != null) {
            // Extension attributes: with their URN, or bare (resolution falls back to the extensions).
            if (random.nextInt(3) != 0) {
                String urn = random.nextInt(8) == 0 ? target.schema().toUpperCase(Locale.ROOT) : target.schema();
                return new AttrPath(urn, name, sub);
            }
            return new AttrPath(null, name, sub);
        }
        if (random.nextInt(12) == 0 && !isCommon(target.attribute())) {
            return new AttrPath(type.schema().id(), name, sub);
        }
        return new AttrPath(null, name, sub);
    }

    private static boolean isCommon(AttributeDef attribute) {
        return CoreSchemas.COMMON_ATTRIBUTES.contains(attribute);
    }

    /** Attribute names are case-insensitive (RFC 7643 §2.1): now and then spell one oddly. */
    private String caseOf(String name) {
        return switch (random.nextInt(10)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name;
        };
    }

    // ---- literals --------------------------------------------------------------------------------------------------

    private FilterValue value(AttributeDef def, String sampleKey, CompareOp op) {
        if (random.nextInt(25) == 0) {
            return FilterValue.NULL;
        }
        List<JsonNode> known = samples.getOrDefault(sampleKey, List.of());
        JsonNode sample = known.isEmpty() ? null : known.get(random.nextInt(known.size()));
        return switch (def.type()) {
            case BOOLEAN -> switch (random.nextInt(7)) {
                case 0 -> FilterValue.of("True");
                case 1 -> FilterValue.of("false");
                case 2 -> FilterValue.of("maybe");
                default -> FilterValue.of(random.nextBoolean());
            };
            case INTEGER, DECIMAL -> number(sample);
            case DATE_TIME -> dateTime(sample);
            default -> text(sample, op);
        };
    }

    private FilterValue text(JsonNode sample, CompareOp op) {
        int choice = random.nextInt(100);
        if (choice < 8) {
            return FilterValue.of(HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        if (choice < 11) {
            return random.nextBoolean() ? FilterValue.of(random.nextInt(50)) : FilterValue.of(random.nextBoolean());
        }
        if (choice < 20 || sample == null) {
            return FilterValue.of(WORDS[random.nextInt(WORDS.length)]);
        }
        String text = sample.asText();
        if (!text.isEmpty()) {
            int from = random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            text = switch (op) {
                case CO -> text.substring(from, to);
                case SW -> text.substring(0, to);
                case EW -> text.substring(from);
                case GT, GE, LT, LE -> random.nextBoolean() ? text : text.substring(0, to) + (char) ('a' + random.nextInt(26));
                default -> text;
            };
        }
        return FilterValue.of(random.nextInt(3) == 0 ? flipAsciiCase(text) : text);
    }

    private String flipAsciiCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean flip = random.nextBoolean();
            if (flip && c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (flip && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            out.append(c);
        }
        return out.toString();
    }

    private FilterValue number(JsonNode sample) {
        BigDecimal base = BigDecimal.valueOf(random.nextInt(12));
        if (sample != null && sample.isNumber()) {
            base = sample.decimalValue();
        } else if (sample != null && sample.isTextual()) {
            try {
                base = new BigDecimal(sample.textValue());
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        return switch (random.nextInt(8)) {
            case 0 -> FilterValue.of(base.toPlainString());
            case 1 -> FilterValue.of(base.add(BigDecimal.ONE));
            case 2 -> FilterValue.of(base.subtract(new BigDecimal("0.01")));
            case 3 -> FilterValue.of(base.setScale(Math.max(3, base.scale())));
            case 4 -> FilterValue.of("many");
            case 5 -> FilterValue.of(new BigDecimal("1E+3"));
            default -> FilterValue.of(base);
        };
    }

    private FilterValue dateTime(JsonNode sample) {
        Instant base = Instant.parse("2020-06-15T12:00:00Z");
        if (sample != null && sample.isTextual()) {
            try {
                base = OffsetDateTime.parse(sample.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // keep the default
            }
        }
        Instant instant = switch (random.nextInt(5)) {
            case 0 -> base;
            case 1 -> base.plusMillis(1);
            case 2 -> base.minusMillis(1);
            default -> base.plus(Duration.ofHours(random.nextInt(20_000) - 10_000));
        };
        return switch (random.nextInt(10)) {
            case 0 -> FilterValue.of(instant.atOffset(ZoneOffset.ofHours(2)).toString());
            case 1 -> FilterValue.of(instant.toString().replace("Z", ""));
            case 2 -> FilterValue.of("yesterday");
            case 3 -> FilterValue.of(instant.atOffset(ZoneOffset.ofHoursMinutes(-5, -30)).toString());
            default -> FilterValue.of(instant.toString());
        };
    }

    private Target pick(List<Target> from) {
        int total = 0;
        for (Target target : from) {
            total += target.weight();
        }
        int roll = random.nextInt(total);
        for (Target target : from) {
            roll -= target.weight();
            if (roll < 0) {
                return target;
            }
        }
        return from.get(from.size() - 1);
    }
}
