package org.alos2ingest.catalog;

import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.catalog.cql2.Operand;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A bound CQL2 filter as an SQL condition over {@code datasets d}, with its arguments. Where the SQL
 * cannot be exact (footprints: the R*Tree knows only boxes) it is a superset of the matches, which
 * the caller then tests exactly; under NOT that takes a subset, hence the polarity. Under NOT a
 * predicate on an absent value counts as false (coalesce), as in {@link FilterMatcher}, rather than
 * SQL's unknown.
 */
final class SqlFilter {

    private final List<Object> args;

    private SqlFilter(List<Object> args) {
        this.args = args;
    }

    /** @param args receives the values of the condition's {@code ?}s, in order */
    static String where(Expr e, List<Object> args) {
        return new SqlFilter(args).sql(e, true);
    }

    /** The R*Tree condition for footprints whose box meets one of the geometry's parts' boxes. */
    static String boxes(Geometry g, List<Object> args) {
        List<String> boxes = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Envelope e = g.getGeometryN(i).getEnvelopeInternal();
            boxes.add("(b.max_lon >= ? AND b.min_lon <= ? AND b.max_lat >= ? AND b.min_lat <= ?)");
            args.add(e.getMinX());
            args.add(e.getMaxX());
            args.add(e.getMinY());
            args.add(e.getMaxY());
        }
        return "d.rid IN (SELECT b.rid FROM datasets_bbox b WHERE " + String.join(" OR ", boxes) + ")";
    }

    private String sql(Expr e, boolean positive) {
        if (e instanceof Expr.And a) {
            return join(a.args(), " AND ", positive);
        } else if (e instanceof Expr.Or o) {
            return join(o.args(), " OR ", positive);
        } else if (e instanceof Expr.Not n) {
            return "(NOT " + sql(n.arg(), !positive) + ")";
        } else if (e instanceof Expr.Bool b) {
            return b.value() ? "1" : "0";
        }
        String leaf = leaf(e, positive);
        return positive ? leaf : "coalesce(" + leaf + ", 0)";
    }

    private String join(List<Expr> parts, String op, boolean positive) {
        List<String> out = new ArrayList<>();
        for (Expr p : parts) {
            out.add(sql(p, positive));
        }
        return "(" + String.join(op, out) + ")";
    }

    private String leaf(Expr e, boolean positive) {
        Queryable q = Queryables.get("filter", FilterMatcher.property(e).name());
        if (e instanceof Expr.SIntersects s) {
            // a superset where it counts positively, an empty subset under NOT; the caller tests exactly
            return positive ? boxes(((Operand.Geom) s.right()).value(), args) : "0";
        }
        if (e instanceof Expr.IsNull) {
            if (q.kind() == Queryable.Kind.GEOMETRY) {
                return "0";
            }
            return q.kind() == Queryable.Kind.STRINGS ? "(" + q.sql() + " IS NULL OR json_array_length(" + q.sql() + ") = 0)"
                    : "(" + q.sql() + " IS NULL)";
        }
        boolean array = q.kind() == Queryable.Kind.STRINGS;
        String x = array ? "j.value" : q.sql();
        String cond;
        if (e instanceof Expr.Comparison c) {
            cond = x + " " + c.op().symbol + " ?";
            args.add(value(c.right()));
        } else if (e instanceof Expr.In i) {
            cond = x + " IN (" + String.join(",", java.util.Collections.nCopies(i.list().size(), "?")) + ")";
            i.list().forEach(v -> args.add(value(v)));
        } else if (e instanceof Expr.Between b) {
            cond = x + " BETWEEN ? AND ?";
            args.add(value(b.low()));
            args.add(value(b.high()));
        } else if (e instanceof Expr.Like l) {
            cond = x + " GLOB ?";
            args.add(glob(((Operand.Text) l.pattern()).value()));
        } else if (e instanceof Expr.TIntersects t) {
            Operand.Interval iv = (Operand.Interval) t.right();
            List<String> parts = new ArrayList<>(List.of(x + " IS NOT NULL"));
            if (iv.start() != null) {
                parts.add(x + " >= ?");
                args.add(value(iv.start()));
            }
            if (iv.end() != null) {
                parts.add(x + " <= ?");
                args.add(value(iv.end()));
            }
            cond = String.join(" AND ", parts);
        } else {
            throw new IllegalStateException("not a bound predicate: " + e);
        }
        return array ? "EXISTS (SELECT 1 FROM json_each(" + q.sql() + ") j WHERE " + cond + ")" : "(" + cond + ")";
    }

    private static Object value(Operand o) {
        if (o instanceof Operand.Text t) {
            return t.value();
        } else if (o instanceof Operand.Number n) {
            return n.value().longValueExact();
        } else if (o instanceof Operand.Timestamp t) {
            return t.value().toEpochMilli();
        }
        throw new IllegalStateException("not a bound literal: " + o);
    }

    /** CQL2 LIKE as a (case-sensitive) GLOB: % is *, _ is ?, and GLOB's own specials are bracketed. */
    static String glob(String like) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                c = like.charAt(++i);
                b.append(c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c));
            } else if (c == '%') {
                b.append('*');
            } else if (c == '_') {
                b.append('?');
            } else if (c == '*' || c == '?' || c == '[') {
                b.append('[').append(c).append(']');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
