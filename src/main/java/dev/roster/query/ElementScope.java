package dev.roster.query;

import dev.roster.scim.filter.Comparand;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.schema.AttributeDef;
import java.util.Optional;

/**
 * Where the elements of one multi-valued (or complex) attribute live, for value paths such as
 * {@code emails[type eq "work" and value co "@x"]}: tests on one element's sub-attributes, and the condition that some
 * element passes them all (RFC 7644 §3.4.2.2: the same element must satisfy the whole value filter).
 */
interface ElementScope {

    /**
     * The test {@code compare} on sub-attribute {@code sub} of one element, with its literal coerced to
     * {@code comparand} (never {@link Comparand.Null}); empty when this scope cannot run it and the caller must read the
     * document instead.
     */
    Optional<Cond> compare(Filter.Compare compare, AttributeDef sub, Comparand comparand);

    /** Sub-attribute {@code sub} of one element is present; empty when this scope cannot tell. */
    Optional<Cond> present(AttributeDef sub);

    /** Some element satisfies {@code element} (built from this scope's tests). */
    Cond wrap(Cond element);
}
