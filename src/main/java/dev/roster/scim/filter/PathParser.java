package dev.roster.scim.filter;

import dev.roster.scim.error.ScimException;

/**
 * Parses PATCH paths (RFC 7644 §3.5.2: {@code attrPath / valuePath [subAttr]}) with the filter lexer, so a value filter in
 * a path reads exactly as in a query. Errors are {@link ScimException}s: {@code invalidFilter} for a problem inside the
 * brackets, {@code invalidPath} anywhere else; nothing else is thrown.
 */
public final class PathParser {

    private PathParser() {
    }

    /** Parses a PATCH path with {@link ParseOptions#STRICT}. */
    public static PathExpression parse(String path) {
        return Parser.path(path, ParseOptions.STRICT);
    }

    public static PathExpression parse(String path, ParseOptions options) {
        return Parser.path(path, options);
    }

    /**
     * Parses a plain attribute path such as {@code name.givenName} or {@code urn:...:User:manager} (as in the
     * {@code attributes} and {@code excludedAttributes} parameters, RFC 7644 §3.9); a value filter is an invalidPath here.
     */
    public static AttrPath parseAttrPath(String path) {
        PathExpression expression = Parser.path(path, ParseOptions.STRICT);
        if (expression.hasValueFilter()) {
            throw ScimException.invalidPath("at column " + (path.indexOf('[') + 1)
                    + ": expected a plain attribute path; value filters are not allowed here");
        }
        return expression.attribute();
    }
}
