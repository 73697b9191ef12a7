package org.alos2ingest.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.catalog.cql2.Operand;
import org.locationtech.jts.geom.Geometry;

/**
 * The reference semantics of a bound filter ({@link FilterBinder}) on one GRQ document, which the
 * SQL and OpenSearch translations must agree with. A predicate on an absent value is false (so its
 * negation is true); an array (polarisations) matches when one of its elements does.
 */
final class FilterMatcher {

    private FilterMatcher() {
    }

    static boolean matches(Expr e, JsonNode doc) {
        return test(e, q -> q.value().apply(doc));
    }

    static boolean test(Expr e, Function<Queryable, Object> valueOf) {
        if (e instanceof Expr.And a) {
            return a.args().stream().allMatch(x -> test(x, valueOf));
        } else if (e instanceof Expr.Or o) {
            return o.args().stream().anyMatch(x -> test(x, valueOf));
        } else if (e instanceof Expr.Not n) {
            return !test(n.arg(), valueOf);
        } else if (e instanceof Expr.Bool b) {
            return b.value();
        }
        Queryable q = Queryables.get("filter", property(e).name());
        Object v = valueOf.apply(q);
        if (e instanceof Expr.IsNull) {
            return v == null || (v instanceof List<?> l && l.isEmpty());
        }
        if (v == null) {
            return false;
        }
        if (v instanceof List<?> list) {
            return list.stream().anyMatch(x -> leaf(e, x));
        }
        return leaf(e, v);
    }

    private static boolean leaf(Expr e, Object v) {
        if (e instanceof Expr.Comparison c) {
            int cmp = compare(v, c.right());
            return switch (c.op()) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        } else if (e instanceof Expr.In i) {
            return i.list().stream().anyMatch(x -> compare(v, x) == 0);
        } else if (e instanceof Expr.Between b) {
            return compare(v, b.low()) >= 0 && compare(v, b.high()) <= 0;
        } else if (e instanceof Expr.Like l) {
            return regex(((Operand.Text) l.pattern()).value()).matcher((String) v).matches();
        } else if (e instanceof Expr.SIntersects s) {
            return ((Geometry) v).intersects(((Operand.Geom) s.right()).value());
        } else if (e instanceof Expr.TIntersects t) {
            Operand.Interval iv = (Operand.Interval) t.right();
            Instant x = (Instant) v;
            return (iv.start() == null || !x.isBefore(((Operand.Timestamp) iv.start()).value()))
                    && (iv.end() == null || !x.isAfter(((Operand.Timestamp) iv.end()).value()));
        }
        throw new IllegalStateException("not a bound predicate: " + e);
    }

    private static int compare(Object v, Operand literal) {
        if (v instanceof String s) {
            return s.compareTo(((Operand.Text) literal).value());
        } else if (v instanceof Long n) {
            return BigDecimal.valueOf(n).compareTo(((Operand.Number) literal).value());
        } else if (v instanceof Instant t) {
            return t.compareTo(((Operand.Timestamp) literal).value());
        }
        throw new IllegalStateException("cannot compare " + v);
    }

    /** CQL2 LIKE: % any run, _ one character, a backslash takes the next character as it is. */
    static Pattern regex(String like) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                b.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                b.append(".*");
            } else if (c == '_') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString(), Pattern.DOTALL);
    }

    /** The property a bound predicate is about. */
    static Operand.Property property(Expr leaf) {
        Operand o;
        if (leaf instanceof Expr.Comparison c) {
            o = c.left();
        } else if (leaf instanceof Expr.In i) {
            o = i.value();
        } else if (leaf instanceof Expr.Between b) {
            o = b.value();
        } else if (leaf instanceof Expr.Like l) {
            o = l.value();
        } else if (leaf instanceof Expr.IsNull n) {
            o = n.value();
        } else if (leaf instanceof Expr.SIntersects s) {
            o = s.left();
        } else if (leaf instanceof Expr.TIntersects t) {
            o = t.left();
        } else {
            throw new IllegalStateException("not a predicate: " + leaf);
        }
        return (Operand.Property) o;
    }
}
