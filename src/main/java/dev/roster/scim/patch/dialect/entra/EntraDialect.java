package dev.roster.scim.patch.dialect.entra;

import dev.roster.scim.patch.dialect.Dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.schema.ResourceType;
import java.util.List;

/**
 * Rewrites the PATCH requests Microsoft Entra ID sends (docs/entra.md) into RFC 7644 form, one small named rewrite per
 * quirk, in this order:
 * <ol>
 *   <li>{@link OpNameCase} (Q1): {@code "Replace"} -> {@code "replace"}.</li>
 *   <li>{@link LegacyDotPaths} (Q17): {@code urn:...:User.department} -> {@code urn:...:User:department}.</li>
 *   <li>{@link PathlessKeysToPaths} (Q5, R-18): dotted and URN keys of a pathless value become operations with a path.</li>
 *   <li>{@link StringifiedJson} (Q7, R-20): roles sent as a JSON-encoded string are decoded.</li>
 *   <li>{@link ManagerShapes} (Q10, R-15): every manager shape becomes {@code {"value": id}} at the manager's URN path.</li>
 *   <li>{@link BooleanStrings} (Q2, R-16/R-17): {@code "False"} -> {@code false} where the attribute is a boolean.</li>
 *   <li>{@link EmptyValueClears}: a replace with {@code ""} or null becomes a remove.</li>
 *   <li>{@link AddOnSingleValued} (Q3): Add on a single-valued attribute becomes replace.</li>
 *   <li>{@link RemoveWithValue} (Q9): a remove's value is dropped where it names a single value.</li>
 *   <li>{@link RemoveListedValues} (Q4, R-35): remove {@code members} with a value list becomes a filter on those ids, so
 *   only they are removed.</li>
 * </ol>
 * Quirks that need the stored resource are the engine's, each in a named class: Q8 (a filtered path that matches nothing
 * creates the element) in {@code FilterSeed}; Q12 (read-only and unknown members of a pathless value ignored) in the
 * engine's pathless handling; Q2 and Q10 value shapes again in {@code AttributeValues}, which POST bodies share.
 *
 * <p>Every client goes through this dialect: Roster cannot tell Entra apart (it sends no User-Agent, Q15). Most rewrites
 * only turn a request RFC 7644 would reject or leave undefined into the one Entra means; the two that read a value on a
 * remove, which RFC 7644 §3.5.2.2 does not define ({@link RemoveWithValue}, {@link RemoveListedValues}), say so
 * ({@code changesRfcMeaning}), and a tenant may turn them off (such removes are then refused, see StrictRemove). An
 * empty value clears an attribute for every tenant: the engine stores "" as absent. Callers bound the body first
 * ({@code installed.InstalledDialects} does). The input is never changed.
 */
public final class EntraDialect {

    /** Entra ID's dialect, in the order above. */
    public static final Dialect DIALECT = new Dialect("Microsoft Entra ID", List.of(
            new OpNameCase(),
            new LegacyDotPaths(),
            new PathlessKeysToPaths(),
            new StringifiedJson(),
            new ManagerShapes(),
            new BooleanStrings(),
            new EmptyValueClears(),
            new AddOnSingleValued(),
            new RemoveWithValue(),
            new RemoveListedValues()));

    private EntraDialect() {
    }

    /** Every rewrite applied (the default of every tenant); for tests and tools. */
    public static JsonNode normalize(ResourceType type, JsonNode patchBody) {
        return DIALECT.normalize(type, patchBody, Dialect.Mode.ALL);
    }
}
