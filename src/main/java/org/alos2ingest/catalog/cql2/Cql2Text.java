package org.alos2ingest.catalog.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.catalog.cql2.Expr.Op;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2-text (OGC 21-065, basic CQL2 with S_INTERSECTS and T_INTERSECTS) by recursive descent.
 * Keywords and function names are case-insensitive; geometries are WKT (and CQL2's BBOX), read by
 * JTS. An error names the parameter and the character position (from 1) where the text went wrong.
 */
public final class Cql2Text {

    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE",
            "TIMESTAMP", "DATE", "INTERVAL");
    private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
            "GEOMETRYCOLLECTION");

    private final String parameter;
    private final String text;
    private final List<Cql2Tokens.Token> tokens;
    private int at;
    private int depth;

    private Cql2Text(String parameter, String text) {
        this.parameter = parameter;
        this.text = text;
        this.tokens = new Cql2Tokens(parameter, text).all();
    }

    public static Expr parse(String text) {
        return parse("filter", text);
    }

    /** @param parameter the request parameter the text came in, for error messages */
    public static Expr parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSearchException(parameter, "expected a CQL2-text expression, got nothing");
        }
        Cql2Text p = new Cql2Text(parameter, text);
        Expr e = p.or();
        if (p.peek().kind() != Cql2Tokens.Kind.END) {
            throw p.error("expected AND, OR or the end of the expression");
        }
        return e;
    }

    private Expr or() {
        List<Expr> args = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            args.add(and());
        }
        return args.size() == 1 ? args.get(0) : new Expr.Or(args);
    }

    private Expr and() {
        List<Expr> args = new ArrayList<>(List.of(factor()));
        while (keyword("AND")) {
            args.add(factor());
        }
        return args.size() == 1 ? args.get(0) : new Expr.And(args);
    }

    private Expr factor() {
        if (keyword("NOT")) {
            deeper(tokens.get(at - 1));
            Expr e = new Expr.Not(factor());
            depth--;
            return e;
        }
        return primary();
    }

    private Expr primary() {
        if (symbol("(")) {
            deeper(tokens.get(at - 1));
            Expr e = or();
            expect(")");
            depth--;
            return e;
        }
        Cql2Tokens.Token t = peek();
        if (t.kind() == Cql2Tokens.Kind.WORD && next(1).text().equals("(")) {
            String name = t.text().toUpperCase(Locale.ROOT);
            if (name.equals("S_INTERSECTS") || name.equals("T_INTERSECTS")) {
                at += 2;
                Operand a = operand();
                expect(",");
                Operand b = operand();
                expect(")");
                return name.startsWith("S") ? new Expr.SIntersects(a, b) : new Expr.TIntersects(a, b);
            }
            if (name.matches("[ST]_[A-Z]+|A_[A-Z]+|CASEI|ACCENTI")) {
                throw error("the function " + name + " is not supported (spatial: S_INTERSECTS; temporal: T_INTERSECTS)");
            }
        }
        Operand left = operand();
        Op op = Op.of(peek().text());
        if (peek().kind() == Cql2Tokens.Kind.SYMBOL && op != null) {
            at++;
            return new Expr.Comparison(op, left, operand());
        }
        if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("expected NULL after IS");
            }
            Expr e = new Expr.IsNull(left);
            return not ? new Expr.Not(e) : e;
        }
        boolean not = keyword("NOT");
        Expr e;
        if (keyword("LIKE")) {
            e = new Expr.Like(left, operand());
        } else if (keyword("BETWEEN")) {
            Operand low = operand();
            if (!keyword("AND")) {
                throw error("expected AND in BETWEEN");
            }
            e = new Expr.Between(left, low, operand());
        } else if (keyword("IN")) {
            expect("(");
            List<Operand> list = new ArrayList<>(List.of(operand()));
            while (symbol(",")) {
                list.add(operand());
            }
            expect(")");
            e = new Expr.In(left, list);
        } else if (not) {
            throw error("expected LIKE, BETWEEN or IN after NOT");
        } else if (left instanceof Operand.Flag f) {
            return new Expr.Bool(f.value());
        } else {
            throw error("expected a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
        }
        return not ? new Expr.Not(e) : e;
    }

    private Operand operand() {
        Cql2Tokens.Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                BigDecimal v;
                try {
                    v = new BigDecimal(t.text());
                } catch (NumberFormatException e) {
                    v = null; // an exponent beyond an int
                }
                if (v == null || !Operand.Number.inRange(v)) {
                    throw error("expected a number of at most " + Operand.Number.MAX_EXPONENT + " digits and exponent within +-"
                            + Operand.Number.MAX_EXPONENT);
                }
                at++;
                return new Operand.Number(v);
            }
            case STRING -> {
                at++;
                return new Operand.Text(t.text());
            }
            case QUOTED -> {
                at++;
                return new Operand.Property(t.text());
            }
            case WORD -> {
                String word = t.text().toUpperCase(Locale.ROOT);
                switch (word) {
                    case "TRUE", "FALSE" -> {
                        at++;
                        return new Operand.Flag(word.equals("TRUE"));
                    }
                    case "TIMESTAMP", "DATE" -> {
                        return instant();
                    }
                    case "INTERVAL" -> {
                        at++;
                        expect("(");
                        Operand a = intervalEnd();
                        expect(",");
                        Operand b = intervalEnd();
                        expect(")");
                        return new Operand.Interval(a, b);
                    }
                    case "BBOX" -> {
                        return bbox();
                    }
                    default -> {
                        if (WKT.contains(word)) {
                            return wkt();
                        }
                        if (RESERVED.contains(word)) {
                            throw error("expected a property or a literal");
                        }
                        if (next(1).text().equals("(") && next(1).kind() == Cql2Tokens.Kind.SYMBOL) {
                            throw error("the function " + t.text() + " is not supported");
                        }
                        at++;
                        return new Operand.Property(t.text());
                    }
                }
            }
            default -> throw error("expected a property or a literal");
        }
    }

    private Operand instant() {
        Cql2Tokens.Token kind = peek();
        at++;
        expect("(");
        Cql2Tokens.Token value = peek();
        if (value.kind() != Cql2Tokens.Kind.STRING) {
            throw error("expected a quoted " + kind.text().toLowerCase(Locale.ROOT));
        }
        at++;
        expect(")");
        return kind.text().equalsIgnoreCase("DATE") ? date(value) : timestamp(value);
    }

    private Operand intervalEnd() {
        Cql2Tokens.Token t = peek();
        if (t.kind() == Cql2Tokens.Kind.STRING) {
            at++;
            if (t.text().equals("..")) {
                return null;
            }
            return t.text().length() == 10 ? date(t) : timestamp(t);
        }
        Operand o = operand();
        if (o instanceof Operand.Timestamp || o instanceof Operand.Date || o instanceof Operand.Property) {
            return o;
        }
        throw error(t, "expected a timestamp, a date, '..' or a property as an end of INTERVAL");
    }

    private Operand.Timestamp timestamp(Cql2Tokens.Token t) {
        try {
            return new Operand.Timestamp(Instant.parse(t.text()));
        } catch (DateTimeParseException e) {
            throw error(t, "expected an RFC 3339 timestamp such as 2020-01-31T12:00:00Z, got '" + Cql2Tokens.shown(t.text()) + "'");
        }
    }

    private Operand.Date date(Cql2Tokens.Token t) {
        try {
            return new Operand.Date(LocalDate.parse(t.text()));
        } catch (DateTimeParseException e) {
            throw error(t, "expected a date such as 2020-01-31, got '" + Cql2Tokens.shown(t.text()) + "'");
        }
    }

    private Operand bbox() {
        Cql2Tokens.Token start = peek();
        at++;
        expect("(");
        List<Double> v = new ArrayList<>();
        do {
            Cql2Tokens.Token n = peek();
            if (n.kind() != Cql2Tokens.Kind.NUMBER) {
                throw error("expected a number in BBOX");
            }
            at++;
            v.add(Double.parseDouble(n.text()));
        } while (symbol(","));
        expect(")");
        if (v.size() != 4 && v.size() != 6) {
            throw error(start, "expected BBOX(west, south, east, north) with 4 numbers (or 6 with heights), got " + v.size());
        }
        int half = v.size() / 2;
        try {
            return new Operand.Geom(GeoJsonGeometry.box(v.get(0), v.get(1), v.get(half), v.get(half + 1)));
        } catch (IllegalArgumentException e) {
            throw error(start, e.getMessage());
        }
    }

    private void deeper(Cql2Tokens.Token t) {
        if (++depth > Expr.MAX_DEPTH) {
            throw error(t, "expected at most " + Expr.MAX_DEPTH + " nested parentheses and NOTs");
        }
    }

    private Operand wkt() {
        Cql2Tokens.Token start = peek();
        int parens = 0;
        int end = -1;
        for (int i = at + 1; i < tokens.size() && end < 0; i++) {
            Cql2Tokens.Token t = tokens.get(i);
            if (t.kind() == Cql2Tokens.Kind.END) {
                break;
            }
            if (t.text().equals("(") && t.kind() == Cql2Tokens.Kind.SYMBOL) {
                if (++parens > Expr.MAX_DEPTH) {
                    throw error(t, "expected a WKT geometry nested at most " + Expr.MAX_DEPTH + " deep");
                }
            } else if (t.text().equals(")") && t.kind() == Cql2Tokens.Kind.SYMBOL && --parens == 0) {
                end = i;
            }
        }
        if (end < 0) {
            throw error(start, "expected a complete WKT " + start.text().toUpperCase(Locale.ROOT) + "(...)");
        }
        Cql2Tokens.Token last = tokens.get(end);
        String wkt = text.substring(start.position(), last.position() + 1);
        at = end + 1;
        try {
            Geometry g = new WKTReader(GeoJsonGeometry.FACTORY).read(wkt);
            if (!g.isValid()) {
                throw error(start, "the WKT " + start.text() + " is not a valid geometry (a ring crosses itself?)");
            }
            return new Operand.Geom(g);
        } catch (ParseException | IllegalArgumentException e) {
            // JTS refuses an unclosed ring or a too short line while building it, with an IllegalArgumentException
            throw error(start, "expected WKT: " + Cql2Tokens.shown(String.valueOf(e.getMessage())));
        }
    }

    // ---- tokens ------------------------------------------------------------------------------

    private Cql2Tokens.Token peek() {
        return tokens.get(at);
    }

    private Cql2Tokens.Token next(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private boolean keyword(String word) {
        Cql2Tokens.Token t = peek();
        if (t.kind() == Cql2Tokens.Kind.WORD && t.text().equalsIgnoreCase(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        Cql2Tokens.Token t = peek();
        if (t.kind() == Cql2Tokens.Kind.SYMBOL && t.text().equals(s)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!symbol(s)) {
            throw error("expected '" + s + "'");
        }
    }

    private InvalidSearchException error(String expected) {
        return error(peek(), expected);
    }

    private InvalidSearchException error(Cql2Tokens.Token t, String expected) {
        String found = t.kind() == Cql2Tokens.Kind.END ? "the end of the text" : "'" + Cql2Tokens.shown(t.text()) + "'";
        return new InvalidSearchException(parameter, expected + " at position " + (t.position() + 1) + ", found " + found);
    }
}
