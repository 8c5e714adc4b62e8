package dev.roster.scim.patch;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterPrinter;
import dev.roster.scim.filter.FilterValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The member ids a {@code members[...]} filter names. Members are rows of a table, not elements of the group document, so a
 * filter cannot be evaluated against them; the forms clients send are equalities on {@code value}, alone or joined by
 * {@code or}: {@code members[value eq "a"]} (Entra's flag-enabled removal, R-35), {@code members[value eq "a" or value eq
 * "b"]} (what Entra's value-list removal becomes, Q4). Anything else is refused rather than guessed at.
 */
final class MemberFilters {

    private static final int EXCERPT = 120;

    private MemberFilters() {
    }

    static Set<String> ids(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        collect(filter, filter, ids);
        return ids;
    }

    private static void collect(Filter node, Filter whole, Set<String> ids) {
        switch (node) {
            case Filter.Or or -> or.operands().forEach(operand -> collect(operand, whole, ids));
            case Filter.Compare compare when compare.op() == CompareOp.EQ
                    && compare.path().isSimpleName()
                    && compare.path().name().equalsIgnoreCase("value")
                    && (compare.value() instanceof FilterValue.StringValue
                    || compare.value() instanceof FilterValue.NumberValue) -> ids.add(compare.value().asText());
            default -> throw unsupported(whole);
        }
    }

    private static ScimException unsupported(Filter whole) {
        String text = FilterPrinter.print(whole);
        if (text.length() > EXCERPT) {
            text = text.substring(0, EXCERPT) + "...";
        }
        return ScimException.invalidFilter("members can be selected only by id: use members[value eq \"<id>\"], or"
                + " several such terms joined by \"or\"; found members[" + text + "]");
    }
}
