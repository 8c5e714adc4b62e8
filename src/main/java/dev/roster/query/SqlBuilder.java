package dev.roster.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one SQL fragment for Hibernate's {@code sql('...', arg, ...)} HQL function, which replaces each {@code ?} with
 * the next argument. Fixed SQL text never holds a {@code ?} (checked), so placeholders and arguments cannot drift apart;
 * values only ever enter as arguments.
 */
final class SqlBuilder {

    private final StringBuilder text = new StringBuilder();
    private final List<Cond.Arg> args = new ArrayList<>();

    /** Fixed SQL text: never a client's value. */
    SqlBuilder sql(String fixed) {
        if (fixed.indexOf('?') >= 0) {
            throw new IllegalStateException("a '?' in fixed SQL would be read as a placeholder: " + fixed);
        }
        text.append(fixed);
        return this;
    }

    /** A placeholder for {@code arg}, cast to {@code type} when not null. */
    SqlBuilder arg(Cond.Arg arg, String type) {
        text.append('?');
        args.add(arg);
        if (type != null) {
            text.append("::").append(type);
        }
        return this;
    }

    /** A condition built from SQL atoms. */
    SqlBuilder cond(Cond cond) {
        Cond.render(cond, text, args);
        return this;
    }

    /** The fragment as an SQL-level atom. */
    Cond atom() {
        return new Cond.Atom(text.toString(), args);
    }

    /**
     * An SQL-level atom as an HQL predicate: {@code cast(sql('<fragment>', args...) as Boolean) = true}. HQL reads
     * {@code sql(...)} as an expression of unknown type, hence the cast.
     */
    static Cond toHql(Cond sqlAtom) {
        if (!(sqlAtom instanceof Cond.Atom atom)) {
            return sqlAtom;
        }
        StringBuilder hql = new StringBuilder("cast(sql('").append(atom.text().replace("'", "''")).append('\'');
        for (Cond.Arg arg : atom.args()) {
            hql.append(", ").append(arg.hql());
        }
        hql.append(") as Boolean) = true");
        return new Cond.Atom(hql.toString(), atom.args());
    }
}
