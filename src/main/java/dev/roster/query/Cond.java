package dev.roster.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A boolean condition under construction: HQL for the where clause, or SQL inside a jsonb fragment (the two share
 * {@code and}, {@code or}, {@code not} and parentheses). Constants fold away as the tree is built, so an unknown attribute
 * ({@code eq} on it never holds, RFC 7644 §3.4.2.2) or an {@code id} that is not a UUID leaves no trace in the query.
 *
 * <p>Every atom is two-valued: it yields true or false, never SQL NULL, so that {@code not (...)} means what the
 * in-memory evaluator means. Nullable columns are guarded with {@code is not null}; everything else is an EXISTS.
 */
sealed interface Cond {

    Cond TRUE = new Const(true);
    Cond FALSE = new Const(false);

    record Const(boolean value) implements Cond {
    }

    /**
     * Query text with its arguments in textual order: in HQL atoms the text names {@code :parameters}; in SQL atoms each
     * {@code ?} is the next argument (see {@link Arg}).
     */
    record Atom(String text, List<Arg> args) implements Cond {
        public Atom {
            args = List.copyOf(args);
        }
    }

    record All(List<Cond> operands) implements Cond {
    }

    record Any(List<Cond> operands) implements Cond {
    }

    record Negation(Cond operand) implements Cond {
    }

    /**
     * One argument of an atom: an HQL expression ({@code u.doc}, {@code :p3}) and, for a parameter, its name and value.
     */
    record Arg(String hql, String name, Object value) {

        static Arg parameter(String name, Object value) {
            return new Arg(":" + name, name, value);
        }

        static Arg expression(String hql) {
            return new Arg(hql, null, null);
        }

        boolean isParameter() {
            return name != null;
        }
    }

    static Cond atom(String text, Arg... args) {
        return new Atom(text, List.of(args));
    }

    static Cond of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static Cond all(List<Cond> operands) {
        List<Cond> kept = new ArrayList<>();
        for (Cond operand : operands) {
            if (operand.equals(FALSE)) {
                return FALSE;
            }
            if (operand instanceof All all) {
                kept.addAll(all.operands());
            } else if (!operand.equals(TRUE)) {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : new All(List.copyOf(kept));
    }

    static Cond all(Cond... operands) {
        return all(List.of(operands));
    }

    static Cond any(List<Cond> operands) {
        List<Cond> kept = new ArrayList<>();
        for (Cond operand : operands) {
            if (operand.equals(TRUE)) {
                return TRUE;
            }
            if (operand instanceof Any any) {
                kept.addAll(any.operands());
            } else if (!operand.equals(FALSE)) {
                kept.add(operand);
            }
        }
        return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.get(0) : new Any(List.copyOf(kept));
    }

    static Cond not(Cond operand) {
        return switch (operand) {
            case Const constant -> of(!constant.value());
            case Negation negation -> negation.operand();
            default -> new Negation(operand);
        };
    }

    /** Appends the condition's text to {@code out} and its arguments, in the same order, to {@code args}. */
    static void render(Cond cond, StringBuilder out, List<Arg> args) {
        switch (cond) {
            // Constants survive only at the top of a tree; HQL and SQL both read these.
            case Const constant -> out.append(constant.value() ? "1 = 1" : "1 = 0");
            case Atom atom -> {
                out.append(atom.text());
                args.addAll(atom.args());
            }
            case All all -> join(all.operands(), " and ", out, args);
            case Any any -> join(any.operands(), " or ", out, args);
            case Negation negation -> {
                out.append("not (");
                render(negation.operand(), out, args);
                out.append(')');
            }
        }
    }

    private static void join(List<Cond> operands, String operator, StringBuilder out, List<Arg> args) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            out.append('(');
            render(operands.get(i), out, args);
            out.append(')');
        }
    }
}
