package dev.roster.scim.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of valid filter trees, built through the public constructors only: every tree it yields is one the
 * AST accepts, so it must print to a filter that parses back equal. Covers URN prefixes, sub-attributes, keyword-named
 * attributes, value paths with and without Entra's trailing expression, every operator and every literal kind, and
 * strings with quotes, backslashes, control characters, keywords, delimiters and (unpaired) surrogates.
 */
final class RandomFilters {

    private static final String[] NAMES = {
        "userName", "emails", "title", "displayName", "active", "meta", "value", "type", "a", "b", "x1",
        "not", "and", "or", "pr", "eq", "$ref", "Display-Name_2", "URN", "manager",
    };
    private static final String[] SCHEMAS = {
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "urn:x",
        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group",
        "urn:a.b:c-d:1.0:",
    };
    private static final String[] FRAGMENTS = {
        "and", " or ", "not (", ")", "(", "]", "[", "\"", "\\", "pr", " ", "\t", "\n", "\u0000", "\u001f", "é",
        "\ud83d\ude00", "\ud800", "\udc00", "2011-05-13T04:42:34Z", "@example.com", "LACreateGroup-(1a2b3c4d)", "/",
    };

    private final Random random;

    RandomFilters(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A filter whose and/or/not nesting is at most {@code depth}. */
    Filter filter(int depth) {
        return filter(depth, false);
    }

    PathExpression pathExpression() {
        if (random.nextInt(3) == 0) {
            return PathExpression.of(path(false));
        }
        return new PathExpression(path(false).parent(), filter(2, true),
                random.nextBoolean() ? name() : null);
    }

    private Filter filter(int depth, boolean inValueFilter) {
        if (depth == 0 || random.nextInt(100) < 35) {
            return atom(inValueFilter);
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> new Filter.And(operands(depth, inValueFilter));
            case 2, 3 -> new Filter.Or(operands(depth, inValueFilter));
            default -> new Filter.Not(filter(depth - 1, inValueFilter));
        };
    }

    private List<Filter> operands(int depth, boolean inValueFilter) {
        int count = 2 + random.nextInt(3);
        List<Filter> operands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            operands.add(filter(depth - 1, inValueFilter));
        }
        return operands;
    }

    private Filter atom(boolean inValueFilter) {
        int kind = random.nextInt(100);
        if (!inValueFilter && kind < 15) {
            Filter.AttrExpression tail = random.nextBoolean() ? null : attrExpression(true);
            return new Filter.ValuePath(path(false).parent(), filter(2, true), tail);
        }
        return attrExpression(inValueFilter);
    }

    private Filter.AttrExpression attrExpression(boolean simple) {
        AttrPath path = path(simple);
        if (random.nextInt(100) < 15) {
            return new Filter.Present(path);
        }
        while (true) {
            CompareOp op = CompareOp.values()[random.nextInt(CompareOp.values().length)];
            FilterValue value = value();
            if (Filter.Compare.literalProblem(op, value) == null) {
                return new Filter.Compare(path, op, value);
            }
        }
    }

    AttrPath path(boolean simple) {
        String name = name();
        if (simple) {
            return AttrPath.of(name);
        }
        String schema = random.nextInt(4) == 0 ? SCHEMAS[random.nextInt(SCHEMAS.length)] : null;
        String sub = random.nextBoolean() ? name() : null;
        return new AttrPath(schema, name, sub);
    }

    String name() {
        if (random.nextBoolean()) {
            return NAMES[random.nextInt(NAMES.length)];
        }
        StringBuilder name = new StringBuilder();
        if (random.nextInt(10) == 0) {
            name.append('$');
        }
        name.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        String rest = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        for (int i = random.nextInt(10); i > 0; i--) {
            name.append(rest.charAt(random.nextInt(rest.length())));
        }
        return name.toString();
    }

    FilterValue value() {
        return switch (random.nextInt(10)) {
            case 0 -> FilterValue.NULL;
            case 1 -> FilterValue.of(random.nextBoolean());
            case 2, 3 -> FilterValue.of(number());
            default -> FilterValue.of(string());
        };
    }

    private BigDecimal number() {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(80), random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, random.nextInt(41) - 20);
    }

    String string() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> text.append((char) random.nextInt(0x80));
                case 2 -> text.append((char) random.nextInt(0x10000));
                default -> text.append(name());
            }
        }
        return text.toString();
    }
}
