package org.alos2ingest.catalog.cql2;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.catalog.cql2.Expr.Op;
import org.alos2ingest.geo.GeoJsonGeometry;

/**
 * CQL2-JSON (OGC 21-065 and its JSON schema): {@code {"op": ..., "args": [...]}} into the same
 * tree as {@link Cql2Text}. An error names the parameter and the JSON path of the part at fault.
 */
public final class Cql2Json {

    private final String parameter;
    private int depth;

    private Cql2Json(String parameter) {
        this.parameter = parameter;
    }

    public static Expr parse(JsonNode json) {
        return parse("filter", json);
    }

    public static Expr parse(String parameter, JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw new InvalidSearchException(parameter, "expected a CQL2-JSON expression, got nothing");
        }
        return new Cql2Json(parameter).expr(json, "");
    }

    private Expr expr(JsonNode j, String path) {
        if (++depth > Expr.MAX_DEPTH) {
            throw error(path.substring(0, Math.min(path.length(), 60)) + "...", "expected expressions nested at most " + Expr.MAX_DEPTH + " deep");
        }
        try {
            return exprAtDepth(j, path);
        } finally {
            depth--;
        }
    }

    private Expr exprAtDepth(JsonNode j, String path) {
        if (j.isBoolean()) {
            return new Expr.Bool(j.booleanValue());
        }
        if (!j.isObject() || !j.path("op").isTextual()) {
            throw error(path, "expected {\"op\": ..., \"args\": [...]} or true/false, got " + brief(j));
        }
        String op = j.get("op").asText();
        JsonNode args = j.path("args");
        if (!args.isArray()) {
            throw error(path + "/args", "expected an array of arguments for \"" + Cql2Tokens.shown(op) + "\"");
        }
        String at = path + "/args/";
        Op cmp = Op.of(op);
        if (cmp != null) {
            arity(args, 2, op, path);
            return new Expr.Comparison(cmp, operand(args.get(0), at + 0), operand(args.get(1), at + 1));
        }
        switch (op.toLowerCase(Locale.ROOT)) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw error(path, "expected at least 2 arguments for \"" + Cql2Tokens.shown(op) + "\", got " + args.size());
                }
                List<Expr> list = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    list.add(expr(args.get(i), at + i));
                }
                return op.equalsIgnoreCase("and") ? new Expr.And(list) : new Expr.Or(list);
            }
            case "not" -> {
                arity(args, 1, op, path);
                return new Expr.Not(expr(args.get(0), at + 0));
            }
            case "like" -> {
                arity(args, 2, op, path);
                return new Expr.Like(operand(args.get(0), at + 0), operand(args.get(1), at + 1));
            }
            case "between" -> {
                arity(args, 3, op, path);
                return new Expr.Between(operand(args.get(0), at + 0), operand(args.get(1), at + 1), operand(args.get(2), at + 2));
            }
            case "in" -> {
                arity(args, 2, op, path);
                JsonNode list = args.get(1);
                if (!list.isArray() || list.isEmpty()) {
                    throw error(at + 1, "expected a non-empty array of values for \"in\"");
                }
                List<Operand> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(operand(list.get(i), at + "1/" + i));
                }
                return new Expr.In(operand(args.get(0), at + 0), values);
            }
            case "isnull" -> {
                arity(args, 1, op, path);
                return new Expr.IsNull(operand(args.get(0), at + 0));
            }
            case "s_intersects" -> {
                arity(args, 2, op, path);
                return new Expr.SIntersects(operand(args.get(0), at + 0), operand(args.get(1), at + 1));
            }
            case "t_intersects" -> {
                arity(args, 2, op, path);
                return new Expr.TIntersects(operand(args.get(0), at + 0), operand(args.get(1), at + 1));
            }
            default -> throw error(path + "/op", "the operator \"" + Cql2Tokens.shown(op) + "\" is not supported (=, <>, <, <=, >, >=, and, or, not, "
                    + "like, between, in, isNull, s_intersects, t_intersects)");
        }
    }

    private Operand operand(JsonNode j, String path) {
        if (j.isTextual()) {
            return new Operand.Text(j.asText());
        }
        if (j.isNumber()) {
            if (!Operand.Number.inRange(j.decimalValue())) {
                throw error(path, "expected a number of at most " + Operand.Number.MAX_EXPONENT + " digits and exponent within +-"
                        + Operand.Number.MAX_EXPONENT + ", got " + brief(j));
            }
            return new Operand.Number(j.decimalValue());
        }
        if (j.isBoolean()) {
            return new Operand.Flag(j.booleanValue());
        }
        if (j.isObject()) {
            if (j.has("property")) {
                if (!j.get("property").isTextual()) {
                    throw error(path + "/property", "expected a queryable's name");
                }
                return new Operand.Property(j.get("property").asText());
            }
            if (j.has("timestamp")) {
                return timestamp(j.get("timestamp"), path + "/timestamp");
            }
            if (j.has("date")) {
                return date(j.get("date"), path + "/date");
            }
            if (j.has("interval")) {
                JsonNode iv = j.get("interval");
                if (!iv.isArray() || iv.size() != 2) {
                    throw error(path + "/interval", "expected [start, end]");
                }
                return new Operand.Interval(intervalEnd(iv.get(0), path + "/interval/0"), intervalEnd(iv.get(1), path + "/interval/1"));
            }
            if (j.has("bbox")) {
                JsonNode b = j.get("bbox");
                if (!b.isArray() || (b.size() != 4 && b.size() != 6)) {
                    throw error(path + "/bbox", "expected [west, south, east, north]");
                }
                int half = b.size() / 2;
                try {
                    return new Operand.Geom(GeoJsonGeometry.box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(half).asDouble(), b.get(half + 1).asDouble()));
                } catch (IllegalArgumentException e) {
                    throw error(path + "/bbox", e.getMessage());
                }
            }
            if (j.has("type")) {
                try {
                    return new Operand.Geom(GeoJsonGeometry.read(j));
                } catch (IllegalArgumentException e) {
                    throw error(path, e.getMessage());
                }
            }
            if (j.has("op")) {
                throw error(path, "expected a property or a literal, not an expression (arithmetic and functions are not supported)");
            }
        }
        throw error(path, "expected a property or a literal, got " + brief(j));
    }

    private Operand intervalEnd(JsonNode j, String path) {
        if (j.isTextual()) {
            String t = j.asText();
            if (t.equals("..")) {
                return null;
            }
            return t.length() == 10 ? date(j, path) : timestamp(j, path);
        }
        Operand o = operand(j, path);
        if (o instanceof Operand.Timestamp || o instanceof Operand.Date || o instanceof Operand.Property) {
            return o;
        }
        throw error(path, "expected a timestamp, a date, \"..\" or a property");
    }

    private Operand timestamp(JsonNode j, String path) {
        try {
            return new Operand.Timestamp(Instant.parse(j.asText()));
        } catch (DateTimeParseException e) {
            throw error(path, "expected an RFC 3339 timestamp such as 2020-01-31T12:00:00Z, got " + brief(j));
        }
    }

    private Operand date(JsonNode j, String path) {
        try {
            return new Operand.Date(LocalDate.parse(j.asText()));
        } catch (DateTimeParseException e) {
            throw error(path, "expected a date such as 2020-01-31, got " + brief(j));
        }
    }

    private void arity(JsonNode args, int n, String op, String path) {
        if (args.size() != n) {
            throw error(path + "/args", "expected " + n + " argument(s) for \"" + Cql2Tokens.shown(op) + "\", got " + args.size());
        }
    }

    private static String brief(JsonNode j) {
        String s = j.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private InvalidSearchException error(String path, String expected) {
        return new InvalidSearchException(parameter, (path.isEmpty() ? "" : "at " + path + ": ") + expected);
    }

}
