package org.alos2ingest.catalog.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alos2ingest.catalog.InvalidSearchException;
import org.alos2ingest.catalog.cql2.Expr.Op;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The examples of OGC 21-065 (CQL2), in text and JSON, parse to the same trees. */
class Cql2ParserTest {

    private static Operand.Property p(String name) {
        return new Operand.Property(name);
    }

    private static Expr json(String s) {
        try {
            return Cql2Json.parse(Json.MAPPER.readTree(s));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void same(Expr expected, String text, String json) {
        assertEquals(expected, Cql2Text.parse(text), text);
        assertEquals(expected, json(json), json);
    }

    @Test
    void comparisons() {
        same(new Expr.Comparison(Op.EQ, p("city"), new Operand.Text("Toronto")), "city='Toronto'",
                "{\"op\":\"=\",\"args\":[{\"property\":\"city\"},\"Toronto\"]}");
        same(new Expr.Comparison(Op.GE, p("updated"), new Operand.Date(LocalDate.parse("1970-01-01"))), "updated >= date('1970-01-01')",
                "{\"op\":\">=\",\"args\":[{\"property\":\"updated\"},{\"date\":\"1970-01-01\"}]}");
        same(new Expr.Comparison(Op.NE, p("count"), new Operand.Number(new BigDecimal("-1.5e3"))), "count <> -1.5e3",
                "{\"op\":\"<>\",\"args\":[{\"property\":\"count\"},-1.5e3]}");
        same(new Expr.Comparison(Op.LT, p("eo:cloud_cover"), new Operand.Number(new BigDecimal("10"))), "\"eo:cloud_cover\" < 10",
                "{\"op\":\"<\",\"args\":[{\"property\":\"eo:cloud_cover\"},10]}");
        // a quote inside a text literal is doubled
        assertEquals(new Expr.Comparison(Op.EQ, p("name"), new Operand.Text("O'Hare")), Cql2Text.parse("name = 'O''Hare'"));
    }

    @Test
    void likeBetweenInNull() {
        same(new Expr.Like(p("name"), new Operand.Text("Smith%")), "name LIKE 'Smith%'",
                "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Smith%\"]}");
        same(new Expr.Between(p("depth"), new Operand.Number(new BigDecimal("100.0")), new Operand.Number(new BigDecimal("150.0"))),
                "depth BETWEEN 100.0 and 150.0", "{\"op\":\"between\",\"args\":[{\"property\":\"depth\"},100.0,150.0]}");
        same(new Expr.In(p("cityName"), List.of(new Operand.Text("Toronto"), new Operand.Text("Frankfurt"), new Operand.Text("Tokyo"),
                        new Operand.Text("New York"))), "cityName IN ('Toronto','Frankfurt','Tokyo','New York')",
                "{\"op\":\"in\",\"args\":[{\"property\":\"cityName\"},[\"Toronto\",\"Frankfurt\",\"Tokyo\",\"New York\"]]}");
        same(new Expr.Not(new Expr.In(p("category"), List.of(new Operand.Number(BigDecimal.ONE), new Operand.Number(new BigDecimal("2"))))),
                "category NOT IN (1,2)", "{\"op\":\"not\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"category\"},[1,2]]}]}");
        same(new Expr.IsNull(p("value")), "value IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"value\"}]}");
        same(new Expr.Not(new Expr.IsNull(p("value"))), "value IS NOT NULL",
                "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"value\"}]}]}");
    }

    @Test
    void logicAndPrecedence() {
        Expr a = new Expr.Comparison(Op.EQ, p("a"), new Operand.Number(BigDecimal.ONE));
        Expr b = new Expr.Comparison(Op.EQ, p("b"), new Operand.Number(new BigDecimal("2")));
        Expr c = new Expr.Comparison(Op.EQ, p("c"), new Operand.Number(new BigDecimal("3")));
        // AND binds tighter than OR; parentheses override
        assertEquals(new Expr.Or(List.of(a, new Expr.And(List.of(b, c)))), Cql2Text.parse("a = 1 OR b = 2 AND c = 3"));
        same(new Expr.And(List.of(new Expr.Or(List.of(a, b)), c)), "(a = 1 or b = 2) and c = 3",
                "{\"op\":\"and\",\"args\":[{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]},"
                        + "{\"op\":\"=\",\"args\":[{\"property\":\"b\"},2]}]},{\"op\":\"=\",\"args\":[{\"property\":\"c\"},3]}]}");
        same(new Expr.Not(new Expr.Like(p("name"), new Operand.Text("foo%"))), "NOT (name LIKE 'foo%')",
                "{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"foo%\"]}]}");
        same(new Expr.Bool(true), "TRUE", "true");
    }

    @Test
    void spatialLiterals() {
        Expr point = Cql2Text.parse("S_INTERSECTS(geometry,POINT(36.319836 32.288087))");
        assertEquals(point, json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[36.319836,32.288087]}]}"));
        Expr polygon = Cql2Text.parse("s_intersects(geometry, POLYGON((-10 -10, 10 -10, 10 10, -10 10, -10 -10)))");
        assertEquals(polygon, json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[-10,-10],[10,-10],[10,10],[-10,10],[-10,-10]]]}]}"));
        Expr line = Cql2Text.parse("S_INTERSECTS(geometry, LINESTRING(1 2, 3 4, 5 6))");
        assertEquals("LineString", ((Operand.Geom) ((Expr.SIntersects) line).right()).value().getGeometryType());
        Expr multi = Cql2Text.parse("S_INTERSECTS(geometry, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))");
        assertEquals(2, ((Operand.Geom) ((Expr.SIntersects) multi).right()).value().getNumGeometries());
        // BBOX across the antimeridian is two boxes, in both encodings
        Geometry box = ((Operand.Geom) ((Expr.SIntersects) Cql2Text.parse("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))")).right()).value();
        assertEquals(2, box.getNumGeometries());
        assertEquals(box, ((Operand.Geom) ((Expr.SIntersects) json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"bbox\":[170,-10,-170,10]}]}")).right()).value());
    }

    @Test
    void temporalLiterals() {
        same(new Expr.TIntersects(p("event_date"), new Operand.Interval(new Operand.Timestamp(Instant.parse("1969-07-16T05:32:00Z")),
                        new Operand.Timestamp(Instant.parse("1969-07-24T16:50:35Z")))),
                "T_INTERSECTS(event_date, INTERVAL('1969-07-16T05:32:00Z', '1969-07-24T16:50:35Z'))",
                "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"event_date\"},{\"interval\":[\"1969-07-16T05:32:00Z\",\"1969-07-24T16:50:35Z\"]}]}");
        same(new Expr.TIntersects(p("datetime"), new Operand.Interval(null, new Operand.Date(LocalDate.parse("2020-01-31")))),
                "t_intersects(datetime, interval('..', '2020-01-31'))",
                "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"datetime\"},{\"interval\":[\"..\",\"2020-01-31\"]}]}");
        same(new Expr.TIntersects(p("datetime"), new Operand.Timestamp(Instant.parse("2020-01-31T12:00:00.5Z"))),
                "T_INTERSECTS(datetime, TIMESTAMP('2020-01-31T12:00:00.5Z'))",
                "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"datetime\"},{\"timestamp\":\"2020-01-31T12:00:00.5Z\"}]}");
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertError("city = ", "position 8");
        assertError("city = 'Toronto", "closing '");
        assertError("avg(windSpeed) < 4", "not supported");
        assertError("balance-150.0 > 0", "position 8");
        assertError("city == 'x'", "position 7");
        assertError("S_CONTAINS(geometry, POINT(1 2))", "S_INTERSECTS");
        assertError("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 0 1, 1 0, 0 0)))", "not a valid geometry");
        assertError("T_INTERSECTS(datetime, TIMESTAMP('yesterday'))", "RFC 3339");
        assertError("depth BETWEEN 1 2", "expected AND");
        assertError("a = 1 b = 2", "expected AND, OR or the end");
        InvalidSearchException j = assertThrows(InvalidSearchException.class, () -> json("{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}"));
        assertTrue(j.problem().contains("expected 2 argument"), j.getMessage());
        assertThrows(InvalidSearchException.class, () -> json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\"}]}"));
        assertThrows(InvalidSearchException.class, () -> json("{\"op\":\"+\",\"args\":[1,2]}"));
        assertThrows(InvalidSearchException.class, () -> json("\"city = 'x'\""));
    }

    private static void assertError(String text, String says) {
        InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> Cql2Text.parse(text));
        assertEquals("filter", e.parameter());
        assertTrue(e.problem().contains(says), text + " → " + e.getMessage());
    }
}
