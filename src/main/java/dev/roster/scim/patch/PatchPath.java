package dev.roster.scim.patch;

import dev.roster.scim.filter.AttrPath;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.filter.FilterPrinter;
import dev.roster.scim.filter.ParseOptions;
import dev.roster.scim.filter.PathExpression;
import dev.roster.scim.filter.PathParser;
import java.util.Objects;

/**
 * The target of a PATCH operation, RFC 7644 §3.5.2: {@code attrPath / valuePath [subAttr]}, such as {@code name.familyName},
 * {@code emails[type eq "work"].value}, {@code members[value eq "id"]} or
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}.
 *
 * @param expression the parsed path
 */
public record PatchPath(PathExpression expression) {

    /**
     * Paths are read leniently (unquoted ids in {@code members[value eq 2819c223]}, Q14) and may be long: removing 10,000
     * members by filter is one path of about half a megabyte. Nesting stays bounded, so the parser cannot overflow.
     */
    public static final ParseOptions OPTIONS = ParseOptions.LENIENT.withMaxLength(1 << 20);

    private static final int EXCERPT = 120;

    public PatchPath {
        Objects.requireNonNull(expression, "expression");
    }

    /**
     * Parses a path.
     *
     * @throws dev.roster.scim.error.ScimException invalidPath, or invalidFilter for an error inside the brackets
     */
    public static PatchPath parse(String text) {
        return new PatchPath(PathParser.parse(text, OPTIONS));
    }

    public static PatchPath of(PathExpression expression) {
        return new PatchPath(expression);
    }

    /** The attribute, without the value filter; for {@code name.givenName} it carries the sub-attribute. */
    public AttrPath attribute() {
        return expression.attribute();
    }

    /** The value filter, or null. */
    public Filter valueFilter() {
        return expression.valueFilter();
    }

    /** The sub-attribute after a value filter ({@code value} in {@code emails[type eq "work"].value}), or null. */
    public String filterSubAttribute() {
        return expression.subAttribute();
    }

    public boolean hasValueFilter() {
        return expression.hasValueFilter();
    }

    /** The canonical printed form; it parses back to an equal path. */
    @Override
    public String toString() {
        return FilterPrinter.print(expression);
    }

    /** The printed form cut to a length that fits an error detail. */
    public String excerpt() {
        String text = toString();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
