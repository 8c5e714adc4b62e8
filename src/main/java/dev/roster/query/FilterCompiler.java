package dev.roster.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.query.AttributeColumns.Storage;
import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.Comparand;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterEvaluator;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.schema.AttributeDef;
import dev.roster.scim.schema.ResolvedAttribute;
import dev.roster.scim.schema.ResourceType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compiles a SCIM filter (RFC 7644 §3.4.2.2) into a tenant-scoped HQL where clause with bound parameters, answering
 * exactly what {@link FilterEvaluator} answers over the resources as the API renders them:
 * <ul>
 *   <li>hot attributes read indexed columns ({@link AttributeColumns}): {@code userName eq "x"} is
 *   {@code lower(u.userName) = lower(:p1)}, served by the {@code (tenant_id, lower(user_name))} index ;</li>
 *   <li>emails read the {@code scim_user_value} side table, members and a user's groups the membership table, each as an
 *   EXISTS whose row is the element a value path talks about;</li>
 *   <li>everything else reads the jsonb document ({@link DocumentSql}).</li>
 * </ul>
 * The tenant condition is part of every result, so no caller can forget it. Values are always bound parameters. A filter
 * the evaluator rejects is rejected here with the same invalidFilter; a filter on something Roster does not store
 * ({@code members.display}, {@code meta.version}) is an invalidFilter naming what to filter on instead. Stateless and
 * thread-safe.
 */
@Singleton
public class FilterCompiler {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]*|");

    private final List<ResourceStorage> storages;
    private final RowScopes.Tables tables;

    /** The storages the features publish (users/UserStorage, groups/GroupStorage). */
    @Inject
    public FilterCompiler(Instance<ResourceStorage> published) {
        this(published.stream().toList());
    }

    public FilterCompiler(List<ResourceStorage> storages) {
        this.storages = List.copyOf(storages);
        this.tables = RowScopes.Tables.of(this.storages);
    }

    /** The tenant's live resources matching {@code filter}; a null filter matches them all. */
    public CompiledQuery compile(ResourceType type, UUID tenantId, Filter filter) {
        return compile(type, tenantId, filter, "");
    }

    /**
     * As {@link #compile(ResourceType, UUID, Filter)}, with every parameter name starting with {@code parameterPrefix}
     * (letters, digits, underscores), so several compiled filters can share one statement.
     *
     * @throws ScimException invalidFilter when the filter does not fit the resource type's schema or names an attribute
     *                       Roster cannot filter on
     */
    public CompiledQuery compile(ResourceType type, UUID tenantId, Filter filter, String parameterPrefix) {
        return compile(type, tenantId, filter, parameterPrefix, false);
    }

    /**
     * The tenant's soft-deleted resources still retained (tombstones for the admin read API) matching {@code filter}.
     */
    public CompiledQuery compileRetained(ResourceType type, UUID tenantId, Filter filter) {
        return compile(type, tenantId, filter, "", true);
    }

    private CompiledQuery compile(ResourceType type, UUID tenantId, Filter filter, String parameterPrefix,
                                  boolean retained) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        if (!PREFIX.matcher(parameterPrefix).matches()) {
            throw new IllegalArgumentException("not a parameter prefix: " + parameterPrefix);
        }
        ResourceStorage storage = storageOf(type);
        FilterEvaluator evaluator = new FilterEvaluator(type);
        if (filter != null) {
            evaluator.compile(filter); // the oracle's type checks: the same filters fail, with the same detail
        }
        Symbols symbols = new Symbols(parameterPrefix);
        Cond condition = filter == null ? Cond.TRUE : new Compilation(type, storage, tables, evaluator, symbols)
                .filter(filter);

        String root = storage.alias();
        StringBuilder where = new StringBuilder(root).append(".tenantId = :").append(symbols.tenant()).append(" and ")
                .append(root).append(retained ? ".deletedAt is not null" : ".deletedAt is null");
        List<Cond.Arg> args = new ArrayList<>();
        if (!condition.equals(Cond.TRUE)) {
            where.append(" and (");
            Cond.render(condition, where, args);
            where.append(')');
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(symbols.tenant(), tenantId);
        for (Cond.Arg arg : args) {
            if (arg.isParameter()) {
                parameters.put(arg.name(), arg.value());
            }
        }
        return new CompiledQuery(storage.entity(), root, where.toString(), parameters, SortClause.columns(storage));
    }

    private ResourceStorage storageOf(ResourceType type) {
        for (ResourceStorage storage : storages) {
            if (type.schema().hasId(storage.schemaId())) {
                return storage;
            }
        }
        throw new IllegalArgumentException("Roster stores no " + type.name() + " resources");
    }

    /** The state of one compilation. */
    private static final class Compilation {

        private final ResourceType type;
        private final ResourceStorage storage;
        private final FilterEvaluator evaluator;
        private final Symbols symbols;
        private final DocumentSql document;
        private final RowScopes.Context rows;

        Compilation(ResourceType type, ResourceStorage storage, RowScopes.Tables tables, FilterEvaluator evaluator,
                    Symbols symbols) {
            this.type = type;
            this.storage = storage;
            this.evaluator = evaluator;
            this.symbols = symbols;
            this.document = new DocumentSql(symbols, storage.alias() + ".doc");
            this.rows = new RowScopes.Context(symbols, storage.alias(), evaluator, tables);
        }

        Cond filter(Filter filter) {
            return switch (filter) {
                case Filter.And and -> Cond.all(map(and.operands(), this::filter));
                case Filter.Or or -> Cond.any(map(or.operands(), this::filter));
                case Filter.Not not -> Cond.not(filter(not.operand()));
                case Filter.Present present -> present.path().resolveIn(type).map(this::present).orElse(Cond.FALSE);
                case Filter.Compare compare -> compare.path().resolveIn(type)
                        .map(resolved -> compare(compare, resolved))
                        .orElse(absent(compare));
                case Filter.ValuePath valuePath -> valuePath.attribute().resolveIn(type)
                        .map(resolved -> valuePath(valuePath, resolved))
                        .orElse(Cond.FALSE);
            };
        }

        // ---- pr, eq null, ne null ------------------------------------------------------------------------------------

        private Cond present(ResolvedAttribute resolved) {
            Storage where = AttributeColumns.storage(storage, resolved);
            return switch (where) {
                case Storage.Column column -> column.column().type() == StoredColumn.ColumnType.TEXT
                        ? TextColumn.of(column(column), column.column().nullable(), true).present()
                        : Cond.TRUE;
                case Storage.Fixed fixed -> Cond.TRUE;
                case Storage.Meta meta -> Cond.TRUE;
                case Storage.Unfilterable unfilterable -> throw ScimException.invalidFilter(unfilterable.detail());
                case Storage.Rows rowStorage -> resolved.sub()
                        .map(sub -> inElements(resolved, rowStorage, scope -> scope.present(sub)))
                        .orElseGet(() -> rowStorage.source() == RowSource.USER_VALUES
                                ? documentPresent(resolved)
                                : scope(resolved, rowStorage).wrap(Cond.TRUE));
                case Storage.Document doc -> documentPresent(resolved);
            };
        }

        private Cond documentPresent(ResolvedAttribute resolved) {
            return resolved.sub()
                    .map(sub -> documentElements(resolved, scope -> scope.present(sub)))
                    .orElseGet(() -> document.anyValue(container(resolved), resolved.attribute().name(),
                            document.values()::present));
        }

        // ---- comparisons ---------------------------------------------------------------------------------------------

        private Cond compare(Filter.Compare compare, ResolvedAttribute resolved) {
            AttrPath path = compare.path();
            if (resolved.target().isComplex() && !(compare.value() instanceof FilterValue.NullValue)) {
                // RFC 7644 §3.4.2.2: a complex attribute without a sub-attribute compares its "value" sub-attribute.
                Optional<AttributeDef> value = resolved.target().subAttribute(AttributeDef.VALUE);
                if (value.isPresent()) {
                    resolved = new ResolvedAttribute(resolved.schemaId(), resolved.extension(), resolved.attribute(),
                            value.get());
                    path = path.child(value.get().name());
                }
            }
            Comparand comparand = Comparand.of(path, resolved.target(), compare.op(), compare.value());
            if (comparand instanceof Comparand.Null) {
                Cond present = present(resolved);
                return compare.op() == CompareOp.EQ ? Cond.not(present) : present;
            }
            Filter.Compare onTarget = new Filter.Compare(path, compare.op(), compare.value());
            return switch (AttributeColumns.storage(storage, resolved)) {
                case Storage.Column column -> column(column, onTarget, comparand);
                case Storage.Fixed fixed -> fixed(fixed, onTarget);
                case Storage.Meta meta -> throw new IllegalStateException("meta is complex: " + path);
                case Storage.Unfilterable unfilterable -> throw ScimException.invalidFilter(unfilterable.detail());
                case Storage.Rows rowStorage -> {
                    AttributeDef sub = resolved.sub().orElseThrow();
                    Filter.Compare onSub = new Filter.Compare(AttrPath.of(sub.name()), compare.op(), compare.value());
                    yield inElements(resolved, rowStorage, scope -> scope.compare(onSub, sub, comparand));
                }
                case Storage.Document doc -> documentCompare(resolved, onTarget, comparand);
            };
        }

        private Cond documentCompare(ResolvedAttribute resolved, Filter.Compare compare, Comparand comparand) {
            if (resolved.sub().isPresent()) {
                AttributeDef sub = resolved.sub().get();
                return documentElements(resolved, scope -> scope.compare(compare, sub, comparand));
            }
            return document.anyValue(container(resolved), resolved.attribute().name(),
                    x -> document.values().compare(x, compare.op(), comparand));
        }

        private Cond column(Storage.Column column, Filter.Compare compare, Comparand comparand) {
            String property = column(column);
            CompareOp op = compare.op();
            return switch (comparand) {
                case Comparand.Text text when column.column().type() == StoredColumn.ColumnType.UUID ->
                        RowScopes.uuid(symbols, property, text, op);
                case Comparand.Text text ->
                        TextColumn.of(property, column.column().nullable(), text.caseExact())
                                .compare(symbols, op, text.value());
                case Comparand.Bool bool -> {
                    Cond.Arg parameter = symbols.parameter(bool.value());
                    yield Cond.atom(property + " " + TextComparison.operator(op) + " " + parameter.hql(), parameter);
                }
                case Comparand.Timestamp time -> {
                    Cond.Arg parameter = symbols.parameter(time.value());
                    yield Cond.atom(property + " " + TextComparison.operator(op) + " " + parameter.hql(), parameter);
                }
                case Comparand.Numeric numeric -> throw new IllegalStateException("no numeric columns: " + property);
                case Comparand.Null ignored -> throw new IllegalStateException("null is a presence test");
            };
        }

        /** {@code meta.resourceType}: the same for every resource, so the evaluator decides the comparison here. */
        private Cond fixed(Storage.Fixed fixed, Filter.Compare compare) {
            ObjectNode resource = JsonNodeFactory.instance.objectNode();
            resource.putObject("meta").put("resourceType", fixed.value());
            Filter.Compare onMeta = new Filter.Compare(AttrPath.of("meta", "resourceType"), compare.op(),
                    compare.value());
            return Cond.of(evaluator.matches(onMeta, resource));
        }

        // ---- value paths ---------------------------------------------------------------------------------------------

        private Cond valuePath(Filter.ValuePath valuePath, ResolvedAttribute resolved) {
            Filter elementFilter = valuePath.hasSubAttributeExpression()
                    ? Filter.and(valuePath.filter(), valuePath.subAttributeExpression())
                    : valuePath.filter();
            AttributeDef parent = resolved.target();
            return switch (AttributeColumns.storage(storage, resolved)) {
                // meta is one object whose sub-attributes are columns: meta[...] is a condition on the resource.
                case Storage.Meta meta -> element(elementFilter, parent, new MetaScope(resolved)).orElseThrow();
                case Storage.Rows rowStorage -> inElements(resolved, rowStorage,
                        scope -> element(elementFilter, parent, scope));
                case Storage.Document doc -> documentElements(resolved, scope -> element(elementFilter, parent, scope));
                case Storage.Column column -> throw new IllegalStateException("value path on " + column);
                case Storage.Fixed fixed -> throw new IllegalStateException("value path on " + fixed);
                case Storage.Unfilterable unfilterable -> throw ScimException.invalidFilter(unfilterable.detail());
            };
        }

        /**
         * A value filter over one element (paths name sub-attributes of {@code parent}); empty when {@code scope} cannot
         * run one of its tests.
         */
        private Optional<Cond> element(Filter filter, AttributeDef parent, ElementScope scope) {
            return switch (filter) {
                case Filter.And and -> elements(and.operands(), parent, scope).map(Cond::all);
                case Filter.Or or -> elements(or.operands(), parent, scope).map(Cond::any);
                case Filter.Not not -> element(not.operand(), parent, scope).map(Cond::not);
                case Filter.Present present -> parent.subAttribute(present.path().name())
                        .map(scope::present)
                        .orElse(Optional.of(Cond.FALSE));
                case Filter.Compare compare -> parent.subAttribute(compare.path().name())
                        .map(sub -> elementCompare(compare, sub, scope))
                        .orElse(Optional.of(absent(compare)));
                case Filter.ValuePath nested -> throw ScimException.invalidFilter("value filters cannot be nested: \""
                        + nested.attribute() + "\"");
            };
        }

        private Optional<List<Cond>> elements(List<Filter> filters, AttributeDef parent, ElementScope scope) {
            List<Cond> out = new ArrayList<>(filters.size());
            for (Filter filter : filters) {
                Optional<Cond> one = element(filter, parent, scope);
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                out.add(one.get());
            }
            return Optional.of(out);
        }

        private Optional<Cond> elementCompare(Filter.Compare compare, AttributeDef sub, ElementScope scope) {
            Comparand comparand = Comparand.of(compare.path(), sub, compare.op(), compare.value());
            if (comparand instanceof Comparand.Null) {
                Optional<Cond> present = scope.present(sub);
                return compare.op() == CompareOp.EQ ? present.map(Cond::not) : present;
            }
            return scope.compare(compare, sub, comparand);
        }

        /**
         * Some element of a row-stored attribute passes {@code test}; when the rows cannot answer (emails.display,
         * emails[primary eq false]), the document does.
         */
        private Cond inElements(ResolvedAttribute resolved, Storage.Rows storage,
                Function<ElementScope, Optional<Cond>> test) {
            ElementScope scope = scope(resolved, storage);
            Optional<Cond> onRows = test.apply(scope);
            if (onRows.isPresent()) {
                return scope.wrap(onRows.get());
            }
            return documentElements(resolved, test);
        }

        private Cond documentElements(ResolvedAttribute resolved, Function<ElementScope, Optional<Cond>> test) {
            ElementScope scope = document.elements(container(resolved), resolved.attribute().name());
            return scope.wrap(test.apply(scope).orElseThrow());
        }

        private ElementScope scope(ResolvedAttribute resolved, Storage.Rows storage) {
            return RowScopes.of(storage.source(), resolved.attribute().name(), rows);
        }

        /** {@code meta[...]}: each sub-attribute test is the resource-level test on {@code meta.<sub>}. */
        private final class MetaScope implements ElementScope {

            private final ResolvedAttribute meta;

            MetaScope(ResolvedAttribute meta) {
                this.meta = meta;
            }

            @Override
            public Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand) {
                AttrPath path = AttrPath.of(meta.attribute().name(), sub.name());
                return Optional.of(Compilation.this.compare(new Filter.Compare(path, compare.op(), compare.value()),
                        onSub(sub)));
            }

            @Override
            public Optional<Cond> present(AttributeDef sub) {
                return Optional.of(Compilation.this.present(onSub(sub)));
            }

            @Override
            public Cond wrap(Cond element) {
                return element;
            }

            private ResolvedAttribute onSub(AttributeDef sub) {
                return new ResolvedAttribute(meta.schemaId(), meta.extension(), meta.attribute(), sub);
            }
        }

        // ---- shared --------------------------------------------------------------------------------------------------

        private String column(Storage.Column column) {
            return storage.alias() + "." + column.column().property();
        }

        private static String container(ResolvedAttribute resolved) {
            return resolved.extension() ? resolved.schemaId() : null;
        }

        /** An attribute the resource type does not define is absent: only {@code eq null} holds (RFC 7644 §3.4.2.2). */
        private static Cond absent(Filter.Compare compare) {
            return Cond.of(compare.op() == CompareOp.EQ && compare.value() instanceof FilterValue.NullValue);
        }

        private static <T> List<Cond> map(List<T> items, Function<T, Cond> mapper) {
            List<Cond> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(mapper.apply(item));
            }
            return out;
        }
    }
}
