package dev.roster.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.Comparand;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Multi-valued attributes kept as rows ({@link RowSource}): one row is one element, so "the same element
 * satisfies the whole value filter" (RFC 7644 §3.4.2.2) is one EXISTS over the rows with all conditions on the same row.
 * Every subquery names the tenant.
 */
final class RowScopes {

    private RowScopes() {
    }

    /** The properties each row table must have, for {@code StorageMappingTest}: every name written below. */
    static final java.util.Map<RowSource, List<String>> PROPERTIES = java.util.Map.of(
            RowSource.USER_VALUES, List.of("tenantId", "userId", "attribute", "value", "valueLower", "type", "primary"),
            RowSource.GROUP_MEMBERS, List.of("tenantId", "groupId", "memberId", "memberType"));

    /**
     * The HQL entities of the row tables, from the storages that own them: the user value side table (users), the
     * membership table and the groups it joins (groups).
     */
    record Tables(String userValues, String members, String groups) {

        static Tables of(List<ResourceStorage> storages) {
            String values = null;
            String members = null;
            String groups = null;
            for (ResourceStorage storage : storages) {
                values = storage.rowEntity(RowSource.USER_VALUES).orElse(values);
                if (storage.rowEntity(RowSource.GROUP_MEMBERS).isPresent()) {
                    members = storage.rowEntity(RowSource.GROUP_MEMBERS).get();
                    groups = storage.entity();
                }
            }
            return new Tables(values, members, groups);
        }
    }

    /** The shared pieces: parameter and alias names, the resource's alias, the oracle for constant sub-attributes. */
    record Context(Symbols symbols, String root, FilterEvaluator evaluator, Tables tables) {
        String tenant() {
            return ":" + symbols.tenant();
        }
    }

    static ElementScope of(RowSource source, String attribute, Context context) {
        return switch (source) {
            case USER_VALUES -> new UserValues(attribute, context, context.symbols().alias("v"));
            case GROUP_MEMBERS -> new GroupMembers(context, context.symbols().alias("m"));
            case USER_GROUPS -> new UserGroups(context, context.symbols().alias("m"), context.symbols().alias("gr"));
        };
    }

    /**
     * scim_user_value rows of one attribute (emails): value (with value_lower), type, primary. Tests it cannot answer
     * exactly (display; {@code primary eq false} and {@code primary pr}, since a missing primary is stored as false) are
     * left to the document.
     */
    private record UserValues(String attribute, Context context, String row) implements ElementScope {

        @Override
        public Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand) {
            CompareOp op = compare.op();
            if (is(sub, "value") && comparand instanceof Comparand.Text text) {
                TextColumn column = text.caseExact()
                        ? TextColumn.of(row + ".value", false, true)
                        : TextColumn.preLowered(row + ".value", row + ".valueLower");
                return Optional.of(column.compare(context.symbols(), op, text.value()));
            }
            if (is(sub, "type") && comparand instanceof Comparand.Text text) {
                return Optional.of(TextColumn.of(row + ".type", true, text.caseExact())
                        .compare(context.symbols(), op, text.value()));
            }
            if (is(sub, "primary") && comparand instanceof Comparand.Bool bool && bool.value() == (op == CompareOp.EQ)) {
                return Optional.of(Cond.atom(row + ".primary = true"));
            }
            return Optional.empty();
        }

        @Override
        public Optional<Cond> present(AttributeDef sub) {
            if (is(sub, "value")) {
                return Optional.of(TextColumn.of(row + ".value", false, true).present());
            }
            if (is(sub, "type")) {
                return Optional.of(TextColumn.of(row + ".type", true, true).present());
            }
            return Optional.empty();
        }

        @Override
        public Cond wrap(Cond element) {
            return exists("from " + context.tables().userValues() + " " + row + " where " + row + ".tenantId = "
                    + context.tenant() + " and "
                    + row + ".userId = " + context.root() + ".id and " + row + ".attribute = '" + attribute + "'",
                    element);
        }
    }

    /** scim_group_member rows of the group: members.value (member_id), members.type (member_type). */
    private record GroupMembers(Context context, String row) implements ElementScope {

        @Override
        public Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand) {
            if (is(sub, "value") && comparand instanceof Comparand.Text text) {
                return Optional.of(uuid(context.symbols(), row + ".memberId", text, compare.op()));
            }
            if (is(sub, "type") && comparand instanceof Comparand.Text text) {
                return Optional.of(TextColumn.of(row + ".memberType", false, text.caseExact())
                        .compare(context.symbols(), compare.op(), text.value()));
            }
            throw unstored("members", sub);
        }

        @Override
        public Optional<Cond> present(AttributeDef sub) {
            if (is(sub, "value") || is(sub, "type")) {
                return Optional.of(Cond.TRUE);
            }
            throw unstored("members", sub);
        }

        @Override
        public Cond wrap(Cond element) {
            return exists("from " + context.tables().members() + " " + row + " where " + row + ".tenantId = "
                    + context.tenant() + " and "
                    + row + ".groupId = " + context.root() + ".id", element);
        }
    }

    /**
     * A user's groups (RFC 7643 §4.1.2, read-only): the membership rows naming the user, joined to the live group.
     * Memberships are direct, so every element's type is "direct".
     */
    private record UserGroups(Context context, String row, String group) implements ElementScope {

        @Override
        public Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand) {
            if (is(sub, "value") && comparand instanceof Comparand.Text text) {
                return Optional.of(uuid(context.symbols(), row + ".groupId", text, compare.op()));
            }
            if (is(sub, "display") && comparand instanceof Comparand.Text text) {
                return Optional.of(TextColumn.of(group + ".displayName", false, text.caseExact())
                        .compare(context.symbols(), compare.op(), text.value()));
            }
            if (is(sub, "type")) {
                // The same value on every element: ask the evaluator what the comparison says about it.
                ObjectNode element = JsonNodeFactory.instance.objectNode().put(sub.name(), "direct");
                Filter.Compare onType = new Filter.Compare(AttrPath.of(sub.name()), compare.op(), compare.value());
                return Optional.of(Cond.of(context.evaluator().matchesElement(AttrPath.of("groups"), onType, element)));
            }
            throw unstored("groups", sub);
        }

        @Override
        public Optional<Cond> present(AttributeDef sub) {
            if (is(sub, "value") || is(sub, "type")) {
                return Optional.of(Cond.TRUE);
            }
            if (is(sub, "display")) {
                return Optional.of(TextColumn.of(group + ".displayName", false, true).present());
            }
            throw unstored("groups", sub);
        }

        @Override
        public Cond wrap(Cond element) {
            return exists("from " + context.tables().members() + " " + row + ", " + context.tables().groups() + " " + group + " where "
                    + row + ".tenantId = "
                    + context.tenant() + " and " + row + ".memberId = " + context.root() + ".id and " + group
                    + ".tenantId = " + context.tenant() + " and " + group + ".id = " + row + ".groupId and " + group
                    + ".deletedAt is null", element);
        }
    }

    /**
     * A member or group id (a uuid column) against a string that is not caseExact: {@code eq}/{@code ne} on the column
     * when the literal is a UUID in its canonical (lower-case) form once lower-cased, otherwise decided here;
     * substring and ordering operators on the id's text.
     */
    static Cond uuid(Symbols symbols, String column, Comparand.Text text, CompareOp op) {
        String candidate = text.caseExact() ? text.value() : text.value().toLowerCase(Locale.ROOT);
        Optional<UUID> id = canonicalUuid(candidate);
        return switch (op) {
            case EQ -> id.map(value -> {
                Cond.Arg parameter = symbols.parameter(value);
                return Cond.atom(column + " = " + parameter.hql(), parameter);
            }).orElse(Cond.FALSE);
            case NE -> id.map(value -> {
                Cond.Arg parameter = symbols.parameter(value);
                return Cond.atom(column + " <> " + parameter.hql(), parameter);
            }).orElse(Cond.TRUE);
            default -> TextColumn.of("cast(" + column + " as String)", false, text.caseExact())
                    .compare(symbols, op, text.value());
        };
    }

    /** The UUID {@code text} spells, when it spells one exactly as the server writes it (lower case, 8-4-4-4-12). */
    static Optional<UUID> canonicalUuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cond exists(String from, Cond element) {
        if (element.equals(Cond.FALSE)) {
            return Cond.FALSE;
        }
        StringBuilder text = new StringBuilder("exists (select 1 ").append(from);
        List<Cond.Arg> args = new ArrayList<>();
        if (!element.equals(Cond.TRUE)) {
            text.append(" and (");
            Cond.render(element, text, args);
            text.append(')');
        }
        return new Cond.Atom(text.append(')').toString(), args);
    }

    private static boolean is(AttributeDef sub, String name) {
        return Names.equalsIgnoreCase(sub.name(), name);
    }

    private static ScimException unstored(String attribute, AttributeDef sub) {
        String other = attribute.equals("members") ? "members.value or members.type" : "groups.value or groups.display";
        return ScimException.invalidFilter("\"" + attribute + "." + sub.name() + "\" cannot be filtered; filter on "
                + other);
    }
}
