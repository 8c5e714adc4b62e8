package dev.roster.scim.filter;

import dev.roster.scim.error.ScimException;
import dev.roster.scim.filter.Lexer.Kind;
import dev.roster.scim.filter.Lexer.Token;
import dev.roster.scim.schema.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recursive-descent parser behind {@link FilterParser} and {@link PathParser}, one instance per input. Grammar (RFC 7644
 * §3.4.2.2, with errata 4690 and 7319; precedence not > and > or):
 * <pre>
 * filter    = or END
 * or        = and *("or" and)
 * and       = unary *("and" unary)
 * unary     = "not" "(" or ")" / "(" or ")" / attrExp / valuePath
 * valuePath = attrPath "[" valFilter "]" [ "." ATTRNAME ( "pr" / compareOp compValue ) ]   ; the tail is Entra's form
 * path      = attrPath / attrPath "[" valFilter "]" [ "." ATTRNAME ]                      ; RFC 7644 §3.5.2
 * </pre>
 * {@code and}/{@code or} loop rather than recurse, so only parentheses and brackets deepen the recursion, and those are
 * counted against {@link ParseOptions#maxDepth()} before descending.
 */
final class Parser {

    private static final int EXCERPT = 40;

    private final String input;
    private final ParseOptions options;
    private final boolean pathMode;
    private final String noun;
    private final Lexer lexer;
    private int depth;
    /** The attribute whose value filter is being read, or null outside brackets. */
    private AttrPath valueFilterParent;

    private Parser(String input, ParseOptions options, boolean pathMode) {
        this.input = input;
        this.options = options;
        this.pathMode = pathMode;
        this.noun = pathMode ? "path" : "filter";
        this.lexer = new Lexer(input, this::error);
    }

    static Filter filter(String input, ParseOptions options) {
        Parser parser = new Parser(input == null ? "" : input, options, false);
        parser.checkLength();
        Filter filter = parser.or();
        parser.expectEnd();
        return filter;
    }

    static PathExpression path(String input, ParseOptions options) {
        Parser parser = new Parser(input == null ? "" : input, options, true);
        parser.checkLength();
        return parser.pathExpression();
    }

    private void checkLength() {
        if (input.length() > options.maxLength()) {
            throw error(options.maxLength() + 1, "the " + noun + " is longer than " + options.maxLength()
                    + " characters");
        }
        if (input.isBlank()) {
            throw error(1, "the " + noun + " is empty; expected an attribute path such as userName");
        }
    }

    // ---- filters -------------------------------------------------------------------------------------------------

    private Filter or() {
        Filter first = and();
        if (!lexer.peek().isWord("or")) {
            return first;
        }
        List<Filter> operands = new ArrayList<>();
        operands.add(first);
        while (lexer.peek().isWord("or")) {
            lexer.next();
            operands.add(and());
        }
        return new Filter.Or(operands);
    }

    private Filter and() {
        Filter first = unary();
        if (!lexer.peek().isWord("and")) {
            return first;
        }
        List<Filter> operands = new ArrayList<>();
        operands.add(first);
        while (lexer.peek().isWord("and")) {
            lexer.next();
            operands.add(unary());
        }
        return new Filter.And(operands);
    }

    private Filter unary() {
        Token token = lexer.next();
        switch (token.kind()) {
            case LPAREN -> {
                return group(token);
            }
            case WORD -> {
                if (token.isWord("not")) {
                    Token after = lexer.peek();
                    if (after.kind() == Kind.LPAREN) {
                        return new Filter.Not(group(lexer.next()));
                    }
                    // SCIM reserves no words: "not" followed by an operator or "[" is an attribute named "not".
                    if (!startsAttributeExpression(after)) {
                        throw error(after.column(), "expected \"(\" after \"not\", found " + describe(after));
                    }
                }
                return attributeExpression(token);
            }
            default -> throw error(token.column(), "expected an attribute path, \"(\" or \"not\", found "
                    + describe(token));
        }
    }

    /** {@code "(" or ")"}, the "(" already read. */
    private Filter group(Token open) {
        enter(open);
        Filter inner = or();
        Token close = lexer.next();
        if (close.kind() != Kind.RPAREN) {
            throw error(close.column(), "expected \"and\", \"or\" or \")\" to close the \"(\" at column "
                    + open.column() + ", found " + describe(close));
        }
        depth--;
        return inner;
    }

    private boolean startsAttributeExpression(Token token) {
        return token.kind() == Kind.LBRACKET
                || token.kind() == Kind.WORD && (token.isWord("pr") || CompareOp.fromToken(token.text()).isPresent());
    }

    /** An attribute expression or value path starting with the word {@code pathToken}. */
    private Filter attributeExpression(Token pathToken) {
        AttrPath path = attrPath(pathToken);
        if (lexer.peek().kind() != Kind.LBRACKET) {
            return operatorAndValue(path, pathToken);
        }
        if (valueFilterParent != null) {
            throw error(lexer.peek().column(), "value filters cannot be nested inside the value filter of \""
                    + valueFilterParent + "\"");
        }
        Filter inner = valueFilter(path, pathToken);
        Token after = lexer.peek();
        if (after.kind() == Kind.WORD && after.text().startsWith(".")) {
            lexer.next();
            AttrPath sub = AttrPath.of(subAttributeName(after));
            return new Filter.ValuePath(path, inner, operatorAndValue(sub, after));
        }
        return new Filter.ValuePath(path, inner);
    }

    /** {@code "[" valFilter "]"}, the attribute already read and a "[" next. */
    private Filter valueFilter(AttrPath path, Token pathToken) {
        Token open = lexer.next();
        if (path.hasSubAttribute()) {
            throw error(open.column(), "a value filter applies to a multi-valued attribute, not to the sub-attribute \""
                    + pathToken.raw() + "\"; write " + path.parent() + "[...]." + path.subAttribute());
        }
        enter(open);
        valueFilterParent = path;
        Filter inner = or();
        Token close = lexer.next();
        if (close.kind() != Kind.RBRACKET) {
            throw error(close.column(), "expected \"and\", \"or\" or \"]\" to close the \"[\" at column "
                    + open.column() + ", found " + describe(close));
        }
        valueFilterParent = null;
        depth--;
        return inner;
    }

    private Filter.AttrExpression operatorAndValue(AttrPath path, Token pathToken) {
        Token opToken = lexer.next();
        if (opToken.isWord("pr")) {
            return new Filter.Present(path);
        }
        Optional<CompareOp> op = opToken.kind() == Kind.WORD ? CompareOp.fromToken(opToken.text()) : Optional.empty();
        if (op.isEmpty()) {
            throw error(opToken.column(), "expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or \"pr\" after \""
                    + excerpt(pathToken.raw()) + "\", found " + describe(opToken));
        }
        Token valueToken = lexer.nextValue(options.lenient());
        FilterValue value = value(op.get(), opToken, valueToken);
        String problem = Filter.Compare.literalProblem(op.get(), value);
        if (problem != null) {
            throw error(opToken.column(), problem);
        }
        return new Filter.Compare(path, op.get(), value);
    }

    private FilterValue value(CompareOp op, Token opToken, Token token) {
        return switch (token.kind()) {
            case STRING -> FilterValue.of(token.text());
            case UNQUOTED -> op.isSubstring() ? FilterValue.of(token.text())
                    : literal(token.text()).orElseGet(() -> FilterValue.of(token.text()));
            case WORD -> literal(token.text()).orElseThrow(() -> error(token.column(), "expected a value after \""
                    + opToken.raw() + "\": a string in double quotes, a number, true, false or null; found "
                    + describe(token)));
            default -> throw error(token.column(), "expected a value after \"" + opToken.raw()
                    + "\": a string in double quotes, a number, true, false or null; found " + describe(token));
        };
    }

    /** {@code true}, {@code false}, {@code null} (any case) or a JSON number (RFC 8259 §6). */
    private static Optional<FilterValue> literal(String text) {
        if (Names.equalsIgnoreCase(text, "true")) {
            return Optional.of(FilterValue.TRUE);
        }
        if (Names.equalsIgnoreCase(text, "false")) {
            return Optional.of(FilterValue.FALSE);
        }
        if (Names.equalsIgnoreCase(text, "null")) {
            return Optional.of(FilterValue.NULL);
        }
        if (!JsonNumbers.isJsonNumber(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FilterValue.of(new BigDecimal(text)));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // an exponent beyond BigDecimal's range: not a number we can compare
        }
    }

    private void expectEnd() {
        Token token = lexer.next();
        if (token.kind() == Kind.END) {
            return;
        }
        if (token.kind() == Kind.RPAREN) {
            throw error(token.column(), "\")\" has no matching \"(\"");
        }
        if (token.kind() == Kind.RBRACKET) {
            throw error(token.column(), "\"]\" has no matching \"[\"");
        }
        throw error(token.column(), "expected \"and\", \"or\" or the end of the " + noun + ", found " + describe(token));
    }

    // ---- PATCH paths (RFC 7644 §3.5.2) ------------------------------------------------------------------------------

    private PathExpression pathExpression() {
        Token pathToken = lexer.next();
        if (pathToken.kind() != Kind.WORD) {
            throw error(pathToken.column(), "expected an attribute path, found " + describe(pathToken));
        }
        AttrPath path = attrPath(pathToken);
        if (lexer.peek().kind() != Kind.LBRACKET) {
            expectPathEnd();
            return new PathExpression(path, null, null);
        }
        Filter inner = valueFilter(path, pathToken);
        String sub = null;
        Token after = lexer.peek();
        if (after.kind() == Kind.WORD && after.text().startsWith(".")) {
            lexer.next();
            sub = subAttributeName(after);
        }
        expectPathEnd();
        return new PathExpression(path, inner, sub);
    }

    private void expectPathEnd() {
        Token token = lexer.next();
        if (token.kind() != Kind.END) {
            throw error(token.column(), "expected the end of the path, found " + describe(token));
        }
    }

    // ---- attribute paths ----------------------------------------------------------------------------------------

    /**
     * Splits a word into {@code [URN ":"] name ["." sub]}. The URN is everything before the last ":", so a URN may hold
     * dots ({@code ...:enterprise:2.0:User:manager.value}). Inside a value filter only a bare sub-attribute name is allowed.
     */
    private AttrPath attrPath(Token token) {
        String text = token.text();
        int colon = text.lastIndexOf(':');
        String schema = colon < 0 ? null : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        int restColumn = token.column() + colon + 1;
        if (schema != null && !AttrPath.isSchemaUrn(schema)) {
            throw error(token.column(), "\"" + excerpt(schema) + "\" is not a schema URN; expected an attribute path"
                    + " such as userName or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        }
        if (rest.isEmpty()) {
            throw error(restColumn, "expected an attribute name after the schema URN \"" + excerpt(schema) + "\"");
        }
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        checkName(name, restColumn);
        if (sub != null) {
            if (sub.indexOf('.') >= 0) {
                throw error(restColumn + dot + 1, "\"" + excerpt(rest) + "\" has more than one sub-attribute; SCIM"
                        + " attributes nest one level only");
            }
            checkName(sub, restColumn + dot + 1);
        }
        if (valueFilterParent != null && (schema != null || sub != null)) {
            throw error(token.column(), "inside the value filter of \"" + valueFilterParent + "\", name one of its"
                    + " sub-attributes (such as value or type), not \"" + excerpt(text) + "\"");
        }
        return new AttrPath(schema, name, sub);
    }

    private String subAttributeName(Token dotWord) {
        String name = dotWord.text().substring(1);
        if (name.indexOf('.') >= 0 || name.indexOf(':') >= 0) {
            throw error(dotWord.column() + 1, "expected one sub-attribute name after \"].\", found \""
                    + excerpt(name) + "\"");
        }
        checkName(name, dotWord.column() + 1);
        return name;
    }

    private void checkName(String name, int column) {
        if (!AttrPath.isAttributeName(name)) {
            throw error(column, (name.isEmpty() ? "expected an attribute name" : "\"" + excerpt(name)
                    + "\" is not an attribute name") + "; names start with a letter and hold letters, digits, \"-\""
                    + " and \"_\" (RFC 7643 §2.1)");
        }
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private void enter(Token open) {
        if (depth >= options.maxDepth()) {
            throw error(open.column(), "the " + noun + " nests deeper than " + options.maxDepth()
                    + " levels of parentheses and brackets");
        }
        depth++;
    }

    /** Inside a PATCH path's brackets the error is about the filter (invalidFilter); elsewhere in a path, invalidPath. */
    private ScimException error(int column, String message) {
        String detail = "at column " + column + ": " + message;
        return pathMode && valueFilterParent == null
                ? ScimException.invalidPath(detail)
                : ScimException.invalidFilter(detail);
    }

    private String describe(Token token) {
        return switch (token.kind()) {
            case END -> "the end of the " + noun;
            case STRING -> "the string " + excerpt(token.raw());
            default -> "\"" + excerpt(token.raw()) + "\"";
        };
    }

    private static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
        return text.substring(0, end) + "...";
    }
}
