package dev.roster.users;

import dev.roster.scim.filter.CompareOp;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterValue;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.Names;
import dev.roster.scim.wire.ScimListRequest;

/**
 * A list request that is one of Entra's matching lookups: {@code userName eq "x"} or {@code externalId eq "x"}
 * (a quoted string; the attribute bare or with the core User URN, in any case), first page (startIndex 1, no cursor), a
 * positive count, no sortBy. Those go to a prepared statement ({@link UserStore#lookup}) with the same comparison
 * the filter compiler would make (userName case-insensitive, externalId case-exact); anything else is not one.
 */
record UserLookup(UserStore.Lookup column, String value) {

    /** The lookup {@code filter} is, or null when the request needs the filter compiler. */
    static UserLookup of(Filter filter, ScimListRequest request) {
        if (!(filter instanceof Filter.Compare compare) || compare.op() != CompareOp.EQ
                || !(compare.value() instanceof FilterValue.StringValue value)
                || request.cursor() != null || request.offset() != 0 || request.count() <= 0
                || request.sortBy() != null || compare.path().hasSubAttribute()
                || (compare.path().hasSchema() && !Names.equalsIgnoreCase(compare.path().schema(), CoreSchemas.USER_ID))) {
            return null;
        }
        String name = compare.path().name();
        if (Names.equalsIgnoreCase(name, "userName")) {
            return new UserLookup(UserStore.Lookup.USER_NAME, value.value());
        }
        if (Names.equalsIgnoreCase(name, "externalId")) {
            return new UserLookup(UserStore.Lookup.EXTERNAL_ID, value.value());
        }
        return null;
    }
}
