package org.alos2ingest.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.catalog.cql2.Operand;

/**
 * Checks a parsed CQL2 expression against the {@link Queryables} and puts it in the one shape the
 * backends translate: the property on the left, literals of the property's type on the right,
 * timestamps to the millisecond (the catalog's precision), temporal intersection against an
 * inclusive interval, and predicates on a constant (platform) already decided.
 */
final class FilterBinder {

    private final String parameter;

    private FilterBinder(String parameter) {
        this.parameter = parameter;
    }

    static Expr bind(String parameter, Expr raw) {
        return new FilterBinder(parameter).expr(raw);
    }

    private Expr expr(Expr e) {
        if (e instanceof Expr.And a) {
            return new Expr.And(a.args().stream().map(this::expr).toList());
        } else if (e instanceof Expr.Or o) {
            return new Expr.Or(o.args().stream().map(this::expr).toList());
        } else if (e instanceof Expr.Not n) {
            return new Expr.Not(expr(n.arg()));
        } else if (e instanceof Expr.Comparison c) {
            return comparison(c);
        } else if (e instanceof Expr.Like l) {
            return decided(new Expr.Like(property(l.value(), "LIKE", Queryable.Kind.STRING, Queryable.Kind.STRINGS), pattern(l.pattern())));
        } else if (e instanceof Expr.In i) {
            return in(i);
        } else if (e instanceof Expr.Between b) {
            return between(b);
        } else if (e instanceof Expr.IsNull n) {
            return decided(new Expr.IsNull(property(n.value(), "IS NULL", Queryable.Kind.values())));
        } else if (e instanceof Expr.SIntersects s) {
            return spatial(s);
        } else if (e instanceof Expr.TIntersects t) {
            return temporal(t);
        }
        return e;
    }

    private Expr comparison(Expr.Comparison c) {
        Expr.Op op = c.op();
        Operand left = c.left();
        Operand right = c.right();
        if (!(left instanceof Operand.Property) && right instanceof Operand.Property) {
            op = op.flipped();
            left = c.right();
            right = c.left();
        }
        boolean ordering = op != Expr.Op.EQ && op != Expr.Op.NE;
        Operand.Property p = ordering
                ? property(left, op.symbol, Queryable.Kind.STRING, Queryable.Kind.INTEGER, Queryable.Kind.TIMESTAMP)
                : property(left, op.symbol, Queryable.Kind.STRING, Queryable.Kind.INTEGER, Queryable.Kind.TIMESTAMP, Queryable.Kind.STRINGS);
        Expr.Comparison bound = new Expr.Comparison(op == Expr.Op.NE ? Expr.Op.EQ : op, p, literal(queryable(p), right));
        // a <> b is NOT (a = b) in every backend alike, also where a is absent
        return op == Expr.Op.NE ? new Expr.Not(decided(bound)) : decided(bound);
    }

    private Expr in(Expr.In i) {
        Operand.Property p = property(i.value(), "IN", Queryable.Kind.STRING, Queryable.Kind.INTEGER, Queryable.Kind.TIMESTAMP,
                Queryable.Kind.STRINGS);
        List<Operand> list = new ArrayList<>();
        for (Operand o : i.list()) {
            list.add(literal(queryable(p), o));
        }
        return decided(new Expr.In(p, list));
    }

    private Expr between(Expr.Between b) {
        Operand.Property p = property(b.value(), "BETWEEN", Queryable.Kind.STRING, Queryable.Kind.INTEGER, Queryable.Kind.TIMESTAMP);
        return decided(new Expr.Between(p, literal(queryable(p), b.low()), literal(queryable(p), b.high())));
    }

    private Expr spatial(Expr.SIntersects s) {
        Operand a = s.left() instanceof Operand.Property ? s.left() : s.right();
        Operand b = a == s.left() ? s.right() : s.left();
        Operand.Property p = property(a, "S_INTERSECTS", Queryable.Kind.GEOMETRY);
        if (!(b instanceof Operand.Geom)) {
            throw new InvalidSearchException(parameter, "S_INTERSECTS: expected a geometry literal (WKT, BBOX(...) or GeoJSON) beside "
                    + p.name() + ", got " + describe(b));
        }
        return new Expr.SIntersects(p, b);
    }

    private Expr temporal(Expr.TIntersects t) {
        Operand a = t.left() instanceof Operand.Property ? t.left() : t.right();
        Operand b = a == t.left() ? t.right() : t.left();
        Operand.Property p = property(a, "T_INTERSECTS", Queryable.Kind.TIMESTAMP);
        Instant from;
        Instant to;
        if (b instanceof Operand.Timestamp ts) {
            from = millis(ts.value());
            to = from;
        } else if (b instanceof Operand.Date d) {
            from = dayStart(d.value());
            to = dayStart(d.value().plusDays(1)).minusMillis(1);
        } else if (b instanceof Operand.Interval iv) {
            from = intervalEnd(iv.start(), true);
            to = intervalEnd(iv.end(), false);
            if (from != null && to != null && from.isAfter(to)) {
                throw new InvalidSearchException(parameter, "T_INTERSECTS: expected an INTERVAL whose start is not after its end");
            }
        } else {
            throw new InvalidSearchException(parameter, "T_INTERSECTS: expected a TIMESTAMP, DATE or INTERVAL beside "
                    + p.name() + ", got " + describe(b));
        }
        return new Expr.TIntersects(p, new Operand.Interval(from == null ? null : new Operand.Timestamp(from),
                to == null ? null : new Operand.Timestamp(to)));
    }

    private Instant intervalEnd(Operand o, boolean start) {
        if (o == null) {
            return null;
        } else if (o instanceof Operand.Timestamp ts) {
            return millis(ts.value());
        } else if (o instanceof Operand.Date d) {
            return start ? dayStart(d.value()) : dayStart(d.value().plusDays(1)).minusMillis(1);
        }
        throw new InvalidSearchException(parameter, "INTERVAL: expected timestamps, dates or '..' as its ends, got "
                + describe(o) + " (an interval between properties is not supported)");
    }

    /** A predicate on a queryable every dataset has the same value of is true or false for all. */
    private Expr decided(Expr leaf) {
        Queryable q = queryable(FilterMatcher.property(leaf));
        if (q.constant() == null) {
            return leaf;
        }
        return new Expr.Bool(FilterMatcher.test(leaf, x -> x.constant()));
    }

    private Operand.Property property(Operand o, String op, Queryable.Kind... kinds) {
        if (!(o instanceof Operand.Property p)) {
            throw new InvalidSearchException(parameter, op + ": expected a queryable property on one side, got " + describe(o));
        }
        Queryable q = Queryables.get(parameter, p.name());
        for (Queryable.Kind k : kinds) {
            if (q.kind() == k) {
                return p;
            }
        }
        throw new InvalidSearchException(parameter, op + " does not apply to " + p.name() + " (" + q.kind().name().toLowerCase() + ")");
    }

    private Queryable queryable(Operand.Property p) {
        return Queryables.get(parameter, p.name());
    }

    private Operand pattern(Operand o) {
        if (o instanceof Operand.Text) {
            return o;
        }
        throw new InvalidSearchException(parameter, "LIKE: expected a 'text' pattern, got " + describe(o));
    }

    private Operand literal(Queryable q, Operand o) {
        switch (q.kind()) {
            case STRING, STRINGS -> {
                if (o instanceof Operand.Text) {
                    return o;
                }
            }
            case INTEGER -> {
                if (o instanceof Operand.Number n) {
                    try {
                        return new Operand.Number(BigDecimal.valueOf(n.value().longValueExact()));
                    } catch (ArithmeticException e) {
                        throw wrongType(q, o);
                    }
                }
            }
            case TIMESTAMP -> {
                if (o instanceof Operand.Timestamp t) {
                    return new Operand.Timestamp(millis(t.value()));
                }
                if (o instanceof Operand.Date d) {
                    return new Operand.Timestamp(dayStart(d.value()));
                }
            }
            default -> {
            }
        }
        throw wrongType(q, o);
    }

    private InvalidSearchException wrongType(Queryable q, Operand o) {
        if (o instanceof Operand.Property p) {
            return new InvalidSearchException(parameter, "comparing two properties (" + q.name() + ", " + p.name() + ") is not supported");
        }
        return new InvalidSearchException(parameter, q.name() + ": expected " + q.kind().describe() + ", got " + describe(o));
    }

    private static Instant millis(Instant t) {
        return Instant.ofEpochMilli(t.toEpochMilli());
    }

    private static Instant dayStart(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String describe(Operand o) {
        if (o == null) {
            return "'..'";
        } else if (o instanceof Operand.Property p) {
            return "the property " + p.name();
        } else if (o instanceof Operand.Text t) {
            return "the text '" + t.value() + "'";
        } else if (o instanceof Operand.Number n) {
            return "the number " + n.value().toPlainString();
        } else if (o instanceof Operand.Flag f) {
            return "the boolean " + f.value();
        } else if (o instanceof Operand.Timestamp t) {
            return "TIMESTAMP('" + t.value() + "')";
        } else if (o instanceof Operand.Date d) {
            return "DATE('" + d.value() + "')";
        } else if (o instanceof Operand.Geom g) {
            return "a " + g.value().getGeometryType();
        }
        return "an INTERVAL";
    }
}
