package org.alos2ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.cli.input.AcquisitionCodes;
import org.alos2ingest.cli.input.BoxOption;
import org.alos2ingest.cli.input.Choices;
import org.alos2ingest.cli.input.IsoDateTime;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.config.DatasetDefinition;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.BoundingBox;
import org.alos2ingest.geo.Footprint;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.locationtech.jts.geom.Geometry;
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

    @Option(names = "--bbox", paramLabel = "W,S,E,N", converter = BoxOption.class,
            description = "Bounding box in degrees: west,south,east,north (west > east crosses the antimeridian).")
    BoundingBox bbox;

    @Option(names = "--intersects", paramLabel = "GEOJSON",
            description = "A GeoJSON Polygon/MultiPolygon/Feature, inline or @FILE, that footprints must intersect.")
    String intersects;

    @Option(names = "--start", paramLabel = "TIME", converter = IsoDateTime.From.class,
            description = "Datasets ending at or after this time (ISO 8601 date or time, UTC).")
    Instant start;

    @Option(names = "--end", paramLabel = "TIME", converter = IsoDateTime.Until.class,
            description = "Datasets starting at or before this time (ISO 8601 date or time, UTC; a date alone is the whole day).")
    Instant end;

    @Option(names = "--level", split = ",", paramLabel = "LEVEL", converter = AcquisitionCodes.Level.class,
            description = "Processing level(s): 1.1, 1.5, 2.1.")
    List<ProcessingLevel> levels;

    @Option(names = "--mode", split = ",", paramLabel = "MODE", converter = AcquisitionCodes.Mode.class,
            description = "Observation mode code(s), e.g. FBD,UBS.")
    List<ObservationMode> modes;

    @Option(names = "--path", paramLabel = "N", converter = WholeNumbers.PathNumber.class, description = "Path (track) number, 0-206.")
    Integer path;

    @Option(names = "--direction", paramLabel = "DIR", converter = AcquisitionCodes.Direction.class, description = "ascending or descending.")
    OrbitDirection direction;

    @Option(names = "--type", split = ",", paramLabel = "TYPE",
            description = "Dataset type(s) of the datasets.json in use, e.g. L1.5_geotiff, alos2_slc.")
    List<String> types;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", converter = WholeNumbers.ResultLimit.class,
            description = "Most results, 1-" + ItemSearch.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Choices.SearchFormat.class,
            description = "table, json (GeoJSON) or ids (default: ${DEFAULT-VALUE}).")
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
                case "json" -> out.println(Json.MAPPER.valueToTree(featureCollection(docs)).toPrettyString());
                case "ids" -> docs.forEach(d -> out.println(d.path("id").asText()));
                case "table" -> printTable(docs, out);
                default -> throw new IllegalStateException("format " + format);
            }
        }
        return Main.OK;
    }

    SearchQuery query() {
        SearchQuery q = SearchQuery.all().withLimit(limit);
        if (bbox != null && intersects != null) {
            throw Usage.error(spec, "--intersects: give --bbox or --intersects, not both");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw Usage.error(spec, "--end: " + IsoTime.format(end) + " is before --start " + IsoTime.format(start) + "; expected an end at or after the start");
        }
        if (bbox != null) {
            q = q.withArea(bbox.geometry());
        }
        if (intersects != null) {
            q = q.withArea(Usage.check(spec, () -> geometry(intersects)));
        }
        q = q.withTime(start, end);
        if (levels != null) {
            q = q.withLevels(levels.stream().map(ProcessingLevel::label).collect(Collectors.toSet()));
        }
        if (modes != null) {
            q = q.withModes(modes.stream().map(Enum::name).collect(Collectors.toSet()));
        }
        if (types != null) {
            q = q.withTypes(new HashSet<>(knownTypes(types)));
        }
        return q.withTrack(path).withDirection(direction == null ? null : direction.word());
    }

    /** The types as datasets.json spells them; one it does not define is a usage error listing those it does. */
    private List<String> knownTypes(List<String> given) {
        DatasetDefinitions definitions = common.definitions();
        List<String> known = definitions.all().stream().map(DatasetDefinition::type).distinct().toList();
        List<String> out = new ArrayList<>();
        for (String t : given) {
            out.add(known.stream().filter(k -> k.equalsIgnoreCase(t.strip())).findFirst().orElseThrow(() -> Usage.error(spec,
                    "--type: " + t + " is not a dataset type of the " + definitions.origin() + "; one of " + String.join(", ", known))));
        }
        return out;
    }

    /** A box as the search command reads it (for the demo and for tests). */
    static Geometry bboxGeometry(String text) {
        return BoundingBox.parse(text).geometry();
    }

    private static Geometry geometry(String text) {
        try {
            return Footprint.GeoJson.read(Json.MAPPER.readTree(geoJsonText(text)));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--intersects: " + e.getFile() + " does not exist; expected GeoJSON, inline or @FILE", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--intersects: not GeoJSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "); expected a GeoJSON geometry or Feature, inline or @FILE", e);
        } catch (IllegalArgumentException e) {
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
