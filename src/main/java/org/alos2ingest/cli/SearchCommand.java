package org.alos2ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.alos2ingest.geo.IsoTime;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Finds cataloged datasets by area, time and acquisition parameters. "
                + "Prints a table, or with --format json a GeoJSON FeatureCollection.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bbox", paramLabel = "W,S,E,N",
            description = "Bounding box in degrees: west,south,east,north (west > east crosses the antimeridian).")
    String bbox;

    @Option(names = "--intersects", paramLabel = "GEOJSON",
            description = "A GeoJSON Polygon/MultiPolygon/Feature, inline or @FILE, that footprints must intersect.")
    String intersects;

    @Option(names = "--start", paramLabel = "TIME", description = "Datasets ending at or after this time (ISO 8601 date or time, UTC).")
    String start;

    @Option(names = "--end", paramLabel = "TIME", description = "Datasets starting at or before this time (ISO 8601 date or time, UTC).")
    String end;

    @Option(names = "--level", split = ",", paramLabel = "LEVEL", description = "Processing level(s): 1.1, 1.5, 2.1.")
    List<String> levels;

    @Option(names = "--mode", split = ",", paramLabel = "MODE", description = "Observation mode code(s), e.g. FBD,UBS.")
    List<String> modes;

    @Option(names = "--path", paramLabel = "N", description = "Path (track) number.")
    Integer path;

    @Option(names = "--direction", paramLabel = "DIR", description = "ascending or descending.")
    String direction;

    @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "Dataset type(s), e.g. L1.5_geotiff, alos2_slc.")
    List<String> types;

    @Option(names = "--limit", defaultValue = "1000", description = "Most results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, json (GeoJSON) or ids (default: ${DEFAULT-VALUE}).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        common.configureLogging();
        SearchQuery q = query();
        try (Catalog catalog = common.openCatalog()) {
            List<ObjectNode> docs = catalog.search(q);
            PrintStream out = System.out;
            switch (format.toLowerCase(Locale.ROOT)) {
                case "json", "geojson" -> out.println(Json.MAPPER.valueToTree(featureCollection(docs)).toPrettyString());
                case "ids" -> docs.forEach(d -> out.println(d.path("id").asText()));
                case "table" -> printTable(docs, out);
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--format must be table, json or ids");
            }
        }
        return Main.OK;
    }

    SearchQuery query() {
        SearchQuery q = SearchQuery.all().withLimit(limit);
        try {
            if (bbox != null && intersects != null) {
                throw new IllegalArgumentException("give --bbox or --intersects, not both");
            }
            if (bbox != null) {
                q = q.withArea(bboxGeometry(bbox));
            }
            if (intersects != null) {
                q = q.withArea(geometry(intersects));
            }
            Instant s = start == null ? null : IsoTime.parse(start);
            Instant e = end == null ? null : endOf(end);
            q = q.withTime(s, e);
            if (levels != null) {
                q = q.withLevels(new HashSet<>(levels));
            }
            if (modes != null) {
                q = q.withModes(new HashSet<>(modes));
            }
            if (types != null) {
                q = q.withTypes(new HashSet<>(types));
            }
            q = q.withTrack(path).withDirection(direction);
        } catch (RuntimeException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), Errors.oneLine(ex), ex);
        }
        return q;
    }

    /** A date alone as --end means the whole of that day. */
    private static Instant endOf(String text) {
        Instant t = IsoTime.parse(text);
        return text.strip().matches("\\d{4}-\\d{2}-\\d{2}") ? t.plusSeconds(86400).minusMillis(1) : t;
    }

    static Geometry bboxGeometry(String text) {
        String[] p = text.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("--bbox needs west,south,east,north");
        }
        double w = Double.parseDouble(p[0].strip());
        double s = Double.parseDouble(p[1].strip());
        double e = Double.parseDouble(p[2].strip());
        double n = Double.parseDouble(p[3].strip());
        try {
            return GeoJsonGeometry.box(w, s, e, n);
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException("--bbox " + text + " is not west,south,east,north in degrees");
        }
    }

    private static Geometry geometry(String text) {
        try {
            return Footprint.GeoJson.read(Json.MAPPER.readTree(geoJsonText(text)));
        } catch (IOException e) {
            throw new IllegalArgumentException("--intersects: " + e.getMessage(), e);
        }
    }

    /** The GeoJSON an {@code --intersects} argument gives: inline, {@code @FILE}, or a file's path. */
    static String geoJsonText(String argument) throws IOException {
        if (argument.startsWith("@")) {
            return Files.readString(Path.of(argument.substring(1)));
        }
        if (!argument.strip().startsWith("{") && Files.isRegularFile(Path.of(argument))) {
            return Files.readString(Path.of(argument));
        }
        return argument;
    }

    static ObjectNode featureCollection(List<ObjectNode> docs) {
        ObjectNode fc = Json.object();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (ObjectNode d : docs) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", d.path("id").asText());
            ObjectNode geom = d.path("location").deepCopy();
            geom.put("type", geom.path("type").asText().equalsIgnoreCase("multipolygon") ? "MultiPolygon" : "Polygon");
            f.set("geometry", geom);
            ObjectNode props = f.putObject("properties");
            for (String k : List.of("dataset", "dataset_type", "dataset_level", "version", "starttime", "endtime", "urls", "browse_urls")) {
                props.set(k, d.path(k));
            }
            props.set("metadata", d.path("metadata"));
        }
        return fc;
    }

    private static void printTable(List<ObjectNode> docs, PrintStream out) {
        if (docs.isEmpty()) {
            out.println("no datasets match");
            return;
        }
        String fmt = "%-36s %-24s %-24s %-4s %-5s %4s %-10s %s%n";
        out.printf(Locale.ROOT, fmt, "ID", "START", "END", "MODE", "LEVEL", "PATH", "DIRECTION", "CENTRE (lon, lat)");
        for (ObjectNode d : docs) {
            JsonNode m = d.path("metadata");
            JsonNode c = d.path("center").path("coordinates");
            out.printf(Locale.ROOT, fmt, d.path("id").asText(), d.path("starttime").asText(), d.path("endtime").asText(),
                    m.path("dfdn").path("AcquistionMode").asText(), m.path("level").asText(), m.path("trackNumber").asText(),
                    m.path("direction").asText(), String.format(Locale.ROOT, "%.3f, %.3f", c.path(0).asDouble(), c.path(1).asDouble()));
        }
        out.printf(Locale.ROOT, "%d dataset(s)%n", docs.size());
    }
}
