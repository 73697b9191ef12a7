package org.alos2ingest.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.IngestException;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.describe.ceos.CeosDescriber;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.FileType;
import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.identify.ProductFileName;
import org.alos2ingest.identify.ProductId;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.identify.SceneId;
import org.alos2ingest.identify.SummaryFile;
import org.alos2ingest.unpack.ZipPeek;
import org.alos2ingest.util.FileTrees;

/**
 * Everything alos2-ingest reads from a product, as one JSON document: names, files, summary.txt,
 * every CEOS record's fields, the state vectors, the radar geometry, the footprint by each method,
 * and the met.json the ingest would write. Works on a delivery zip (images are not unpacked), a
 * folder, or a single product file or GeoTIFF. The CEOS files' part of the report is {@link CeosReport}'s,
 * the GeoTIFF images' (with the Cloud-Optimized GeoTIFF check) {@link GeoTiffReport}'s.
 */
public final class Inspector {

    private final Settings settings;
    private final DatasetDefinitions definitions;
    private final ReadCounter counter;

    public Inspector(Settings settings, DatasetDefinitions definitions, ReadCounter counter) {
        this.settings = settings;
        this.definitions = definitions;
        this.counter = counter;
    }

    public ObjectNode inspect(Path path) {
        if (!Files.exists(path)) {
            throw new IdentifyException(path, "no such file or folder");
        }
        ObjectNode out = Json.object();
        out.put("path", path.toAbsolutePath().normalize().toString());
        if (Files.isDirectory(path)) {
            out.put("kind", "folder");
            out.set("products", products(path, Provenance.local(path), false));
            return out;
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            out.put("kind", "zip");
            Path tmp;
            try {
                tmp = Files.createTempDirectory("alos2-inspect-");
            } catch (IOException e) {
                throw new IngestException(path, "cannot create a temporary folder: " + e.getMessage(), e);
            }
            try {
                ZipPeek.peek(path, tmp, counter);
                ArrayNode products = products(tmp, Provenance.local(path), true);
                // Report the files as they are named in the zip, not where they were peeked to.
                String text = Json.compact(products).replace(tmp.toString(), path.toAbsolutePath().normalize() + "!");
                out.set("products", Json.MAPPER.readTree(text));
            } catch (IOException e) {
                throw new IngestException(path, e.getMessage(), e);
            } finally {
                FileTrees.deleteQuietly(tmp);
            }
            return out;
        }
        out.put("kind", "file");
        out.setAll(file(path));
        return out;
    }

    /** @param peeked the images are a zip's, peeked at: only their first megabyte is there */
    private ArrayNode products(Path root, Provenance delivery, boolean peeked) {
        List<String> warnings = new ArrayList<>();
        List<Scene> scenes = new SceneFinder(warnings::add).find(root);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Scene s : scenes) {
            out.add(product(s, delivery, warnings, peeked));
        }
        return out;
    }

    private ObjectNode product(Scene scene, Provenance delivery, List<String> found, boolean peeked) {
        List<String> warnings = new ArrayList<>(found);
        ObjectNode o = Json.object();
        o.put("id", scene.id());
        o.put("folder", scene.folder().toString());
        o.put("format", scene.format().name());
        o.put("level", scene.level().label());
        o.set("name", name(scene.name().scene(), scene.name().product()));
        ArrayNode files = o.putArray("files");
        for (Path f : scene.files()) {
            ObjectNode fo = files.addObject();
            fo.put("name", f.getFileName().toString());
            ProductFileName n = scene.names().get(f);
            fo.put("type", n == null ? (f.getFileName().toString().equals("summary.txt") ? "summary" : "other") : n.type().name());
            if (n != null && n.polarisation() != null) {
                fo.put("polarisation", n.polarisation());
            }
            if (n != null && n.scan() != null) {
                fo.put("scan", n.scan());
            }
            try {
                fo.put("bytes", Files.size(f));
            } catch (IOException e) {
                fo.put("bytes", -1);
            }
        }
        scene.summary().ifPresent(s -> o.set("summary", summary(s)));
        CeosDescriber.Facts facts = null;
        if (scene.kind().readsCeosFiles()) {
            facts = new CeosDescriber(settings, warnings::add, counter).describe(scene);
            o.set("ceos", CeosReport.product(facts.product()));
            facts.geometry().ifPresent(g -> o.set("geometry", CeosReport.geometry(g)));
            facts.sarcat().ifPresent(a -> o.putObject("sarcat").put("url", a.url().toString()).set("properties", a.properties()));
        } else {
            o.set("geotiff", geoTiff(scene, peeked));
        }
        try {
            Description d = new Describer(settings, definitions, warnings::add, counter).describe(scene, delivery, facts);
            ObjectNode fp = o.putObject("footprint");
            fp.put("method", d.footprint().method());
            fp.set("geojson", d.footprint().toGeoJson());
            LonLat c = d.footprint().centroid();
            fp.putArray("centroid").add(c.lon()).add(c.lat());
            if (facts != null && facts.geolocation().isPresent()) {
                CeosReport.footprintDetail(fp, facts.geolocation().get(), scene);
            }
            ObjectNode times = o.putObject("times");
            times.put("start", IsoTime.format(d.start()));
            times.put("end", IsoTime.format(d.end()));
            times.put("duration_s", (d.end().toEpochMilli() - d.start().toEpochMilli()) / 1000.0);
            o.put("dataset_type", d.match().definition().type());
            o.set("metadata", d.met());
        } catch (IngestException e) {
            o.put("metadata_error", e.getMessage());
        }
        ArrayNode w = o.putArray("warnings");
        warnings.stream().distinct().forEach(w::add);
        return o;
    }

    /** What the GeoTIFF images say about themselves: size, georeferencing, layout, and whether each is a COG. */
    private static ObjectNode geoTiff(Scene scene, boolean peeked) {
        ObjectNode g = Json.object();
        ArrayNode images = g.putArray("images");
        for (Path f : scene.filesOf(FileType.IMG)) {
            if (scene.names().get(f).isGeoTiff()) {
                images.add(GeoTiffReport.productImage(f, peeked));
            }
        }
        g.put("note", "times and footprint below come from summary.txt");
        return g;
    }

    private static ObjectNode name(SceneId s, ProductId p) {
        ObjectNode n = Json.object();
        n.put("scene_id", s.text());
        n.put("orbit", s.orbit());
        n.put("frame", s.frame());
        n.put("date", s.date().toString());
        n.put("path", s.pathNumber());
        n.put("product_id", p.text());
        n.put("mode", p.mode().name());
        n.put("mode_description", p.mode().description());
        n.put("look_side", p.lookSide().word());
        n.put("processing_level", p.level().code());
        n.put("processing_option", String.valueOf(p.processingOption()));
        n.put("map_projection", String.valueOf(p.mapProjection()));
        n.put("direction", p.direction().word());
        return n;
    }

    private static ObjectNode summary(SummaryFile s) {
        ObjectNode o = Json.object();
        s.entries().forEach(o::put);
        return o;
    }

    /** A single file: recognised by its first record's type code (CEOS), or as summary.txt, or a GeoTIFF by its extension. */
    private ObjectNode file(Path f) {
        ObjectNode o = Json.object();
        o.put("file", f.getFileName().toString());
        try {
            o.put("bytes", Files.size(f));
        } catch (IOException e) {
            throw new IngestException(f, "cannot read: " + e.getMessage(), e);
        }
        String lower = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean geoTiff = lower.endsWith(".tif") || lower.endsWith(".tiff");
        try {
            ProductFileName.parse(f.getFileName().toString()).ifPresent(n -> {
                o.put("type", n.type().name());
                o.set("name", name(n.product().scene(), n.product().product()));
            });
        } catch (IllegalArgumentException e) {
            // Any GeoTIFF may be inspected, render's IMG-HH-<id>.cog.tif included: only a product file must be named like one.
            if (!geoTiff) {
                o.put("name_error", e.getMessage());
            }
        }
        if (f.getFileName().toString().equals("summary.txt")) {
            o.set("summary", summary(SummaryFile.read(f)));
            return o;
        }
        if (geoTiff) {
            GeoTiffReport.add(f, false, o);
            return o;
        }
        if (!CeosReport.file(f, counter, o)) {
            o.put("note", "neither a CEOS file, summary.txt nor a GeoTIFF (.tif, .tiff)");
        }
        return o;
    }
}
