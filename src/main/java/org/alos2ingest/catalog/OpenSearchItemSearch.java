package org.alos2ingest.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.cql2.Expr;
import org.alos2ingest.catalog.cql2.Operand;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * {@link ItemSearch} as an OpenSearch search body: filters on the {@code .keyword} and date fields,
 * geo_shape intersection, the scene centre (which GRQ documents do not store) as a Painless script,
 * and the keyset as {@code search_after} on the same sort, so paging never uses from/size.
 */
final class OpenSearchItemSearch {

    /** OpenSearch's default max_result_window. */
    static final int WINDOW = 10_000;

    private OpenSearchItemSearch() {
    }

    static ObjectNode body(ItemSearch s) {
        ObjectNode body = Json.object();
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        if (!s.ids().isEmpty()) {
            s.ids().forEach(filter.addObject().putObject("terms").putArray(OpenSearchQuery.ID)::add);
        }
        if (!s.collections().isEmpty()) {
            s.collections().forEach(filter.addObject().putObject("terms").putArray(OpenSearchQuery.TYPE)::add);
        }
        if (s.area() != null) {
            filter.add(shape(s.area()));
        }
        if (s.start() != null) {
            filter.addObject().putObject("range").putObject("endtime").put("gte", ItemSearch.ceilMillis(s.start())).put("format", "epoch_millis");
        }
        if (s.end() != null) {
            filter.addObject().putObject("range").putObject("starttime").put("lte", s.end().toEpochMilli()).put("format", "epoch_millis");
        }
        if (s.filter() != null) {
            filter.add(query(s.filter()));
        }
        ArrayNode sort = body.putArray("sort");
        for (ItemSort.Key k : s.sort().keys()) {
            String order = k.descending() ? "desc" : "asc";
            switch (k.field()) {
                case DATETIME -> {
                    ObjectNode sc = sort.addObject().putObject("_script");
                    sc.put("type", "number").put("order", order);
                    sc.putObject("script").put("lang", "painless").put("source", Queryables.CENTRE_PAINLESS);
                }
                case ID -> sort.addObject().putObject(OpenSearchQuery.ID).put("order", order);
                case RELATIVE_ORBIT -> sort.addObject().putObject(OpenSearchQuery.TRACK).put("order", order);
            }
        }
        if (s.after() != null) {
            ArrayNode after = body.putArray("search_after");
            for (Object v : s.sort().after(s.after())) {
                if (v instanceof Long n) {
                    after.add(n);
                } else {
                    after.add((String) v);
                }
            }
        }
        body.put("size", Math.min(s.limit() + 1, WINDOW));
        body.put("track_total_hits", false);
        return body;
    }

    /** The page of a response to {@link #body}: one hit more than the limit says there is a next page. */
    static ItemPage page(ItemSearch s, JsonNode response) {
        JsonNode hits = response.path("hits").path("hits");
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode hit : hits) {
            if (out.size() < s.limit()) {
                out.add((ObjectNode) hit.path("_source"));
            }
        }
        boolean more = hits.size() > s.limit() || hits.size() == WINDOW;
        return new ItemPage(out, more && !out.isEmpty() ? Optional.of(s.sort().token(out.get(out.size() - 1))) : Optional.empty());
    }

    private static ObjectNode shape(Geometry g) {
        ObjectNode q = Json.object();
        ObjectNode shape = q.putObject("geo_shape").putObject("location");
        JsonNode json = g instanceof Polygon || g instanceof MultiPolygon ? Footprint.of(g, "query").toGeoJson() : GeoJsonGeometry.write(g);
        shape.set("shape", OpenSearchQuery.offTheSeam(json));
        shape.put("relation", "intersects");
        return q;
    }

    static ObjectNode query(Expr e) {
        ObjectNode q = Json.object();
        if (e instanceof Expr.And a) {
            ArrayNode all = q.putObject("bool").putArray("filter");
            a.args().forEach(x -> all.add(query(x)));
        } else if (e instanceof Expr.Or o) {
            ObjectNode bool = q.putObject("bool");
            ArrayNode any = bool.putArray("should");
            o.args().forEach(x -> any.add(query(x)));
            bool.put("minimum_should_match", 1);
        } else if (e instanceof Expr.Not n) {
            q.putObject("bool").putArray("must_not").add(query(n.arg()));
        } else if (e instanceof Expr.Bool b) {
            return b.value() ? matchAll() : none();
        } else {
            return leaf(e);
        }
        return q;
    }

    private static ObjectNode leaf(Expr e) {
        Queryable qb = Queryables.get("filter", FilterMatcher.property(e).name());
        String f = qb.field();
        ObjectNode q = Json.object();
        if (e instanceof Expr.SIntersects s) {
            return shape(((Operand.Geom) s.right()).value());
        }
        if (e instanceof Expr.IsNull) {
            if (f == null || qb.kind() == Queryable.Kind.GEOMETRY) {
                return none();
            }
            q.putObject("bool").putArray("must_not").addObject().putObject("exists").put("field", f);
            return q;
        }
        if (e instanceof Expr.Comparison c) {
            long v = qb.kind() == Queryable.Kind.STRING || qb.kind() == Queryable.Kind.STRINGS ? 0 : number(c.right());
            return switch (c.op()) {
                case EQ -> f == null ? range(qb, v, v) : term(f, c.right());
                case LT -> range(qb, Long.MIN_VALUE, v - 1, c);
                case LE -> range(qb, Long.MIN_VALUE, v, c);
                case GT -> range(qb, v + 1, Long.MAX_VALUE, c);
                case GE -> range(qb, v, Long.MAX_VALUE, c);
                case NE -> throw new IllegalStateException("bound filters have no <>");
            };
        }
        if (e instanceof Expr.In i) {
            if (f == null) {
                ObjectNode bool = q.putObject("bool");
                ArrayNode any = bool.putArray("should");
                i.list().forEach(x -> any.add(range(qb, number(x), number(x))));
                bool.put("minimum_should_match", 1);
                return q;
            }
            ArrayNode values = q.putObject("terms").putArray(f);
            i.list().forEach(x -> values.add(json(x)));
            return q;
        }
        if (e instanceof Expr.Between b) {
            if (qb.kind() == Queryable.Kind.STRING) {
                q.putObject("range").putObject(f).set("gte", json(b.low()));
                ((ObjectNode) q.path("range").path(f)).set("lte", json(b.high()));
                return q;
            }
            return range(qb, number(b.low()), number(b.high()));
        }
        if (e instanceof Expr.Like l) {
            q.putObject("wildcard").putObject(f).put("value", wildcard(((Operand.Text) l.pattern()).value()));
            return q;
        }
        if (e instanceof Expr.TIntersects t) {
            Operand.Interval iv = (Operand.Interval) t.right();
            return range(qb, iv.start() == null ? Long.MIN_VALUE : number(iv.start()), iv.end() == null ? Long.MAX_VALUE : number(iv.end()));
        }
        throw new IllegalStateException("not a bound predicate: " + e);
    }

    /** An ordering comparison; strings compare as keywords, the rest as numbers and milliseconds. */
    private static ObjectNode range(Queryable q, long lo, long hi, Expr.Comparison c) {
        if (q.kind() != Queryable.Kind.STRING) {
            return range(q, lo, hi);
        }
        ObjectNode r = Json.object();
        String op = switch (c.op()) {
            case LT -> "lt";
            case LE -> "lte";
            case GT -> "gt";
            default -> "gte";
        };
        r.putObject("range").putObject(q.field()).set(op, json(c.right()));
        return r;
    }

    /** lo <= value <= hi, either end Long.MIN/MAX for open; the scene centre by script. */
    private static ObjectNode range(Queryable q, long lo, long hi) {
        ObjectNode r = Json.object();
        if (q.field() == null) {
            ObjectNode script = r.putObject("script").putObject("script");
            script.put("lang", "painless");
            script.put("source", "long c = " + Queryables.CENTRE_PAINLESS + "; return c >= params.lo && c <= params.hi;");
            script.putObject("params").put("lo", lo).put("hi", hi);
            return r;
        }
        ObjectNode b = r.putObject("range").putObject(q.field());
        if (lo != Long.MIN_VALUE) {
            b.put("gte", lo);
        }
        if (hi != Long.MAX_VALUE) {
            b.put("lte", hi);
        }
        if (q.kind() == Queryable.Kind.TIMESTAMP) {
            b.put("format", "epoch_millis");
        }
        return r;
    }

    private static ObjectNode term(String field, Operand v) {
        ObjectNode q = Json.object();
        q.putObject("term").set(field, json(v));
        return q;
    }

    private static JsonNode json(Operand o) {
        if (o instanceof Operand.Text t) {
            return Json.MAPPER.getNodeFactory().textNode(t.value());
        }
        return Json.MAPPER.getNodeFactory().numberNode(number(o));
    }

    private static long number(Operand o) {
        if (o instanceof Operand.Number n) {
            return n.value().longValueExact();
        } else if (o instanceof Operand.Timestamp t) {
            return t.value().toEpochMilli();
        }
        throw new IllegalStateException("not a number: " + o);
    }

    /** CQL2 LIKE as an OpenSearch wildcard: % is *, _ is ?, and the wildcard's own specials escaped. */
    static String wildcard(String like) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                c = like.charAt(++i);
                b.append(c == '*' || c == '?' || c == '\\' ? "\\" + c : String.valueOf(c));
            } else if (c == '%') {
                b.append('*');
            } else if (c == '_') {
                b.append('?');
            } else if (c == '*' || c == '?' || c == '\\') {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static ObjectNode matchAll() {
        ObjectNode q = Json.object();
        q.putObject("match_all");
        return q;
    }

    private static ObjectNode none() {
        ObjectNode q = Json.object();
        q.putObject("bool").putArray("must_not").addObject().putObject("match_all");
        return q;
    }

}
