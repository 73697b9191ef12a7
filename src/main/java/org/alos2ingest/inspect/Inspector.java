package org.alos2ingest.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.IngestException;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.describe.SummaryCorners;
import org.alos2ingest.describe.ceos.CeosDescriber;
import org.alos2ingest.describe.ceos.CeosFootprint;
import org.alos2ingest.describe.ceos.CeosGeometry;
import org.alos2ingest.describe.ceos.RadarSwath;
import org.alos2ingest.format.ceos.CeosFile;
import org.alos2ingest.format.ceos.CeosProduct;
import org.alos2ingest.format.ceos.CeosRecord;
import org.alos2ingest.format.ceos.ImageFile;
import org.alos2ingest.format.ceos.LeaderFile;
import org.alos2ingest.format.ceos.Preamble;
import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.TrailerFile;
import org.alos2ingest.format.ceos.VolumeDirectory;
import org.alos2ingest.geo.IsoTime;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.StateVector;
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
 * folder, or a single product file.
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
            out.set("products", products(path, Provenance.local(path)));
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
                ArrayNode products = products(tmp, Provenance.local(path));
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

    private ArrayNode products(Path root, Provenance delivery) {
        List<String> warnings = new ArrayList<>();
        List<Scene> scenes = new SceneFinder(warnings::add).find(root);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Scene s : scenes) {
            out.add(product(s, delivery, warnings));
        }
        return out;
    }

    private ObjectNode product(Scene scene, Provenance delivery, List<String> found) {
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
            o.set("ceos", ceos(facts.product()));
            facts.geometry().ifPresent(g -> o.set("geometry", geometry(g)));
            facts.sarcat().ifPresent(a -> o.putObject("sarcat").put("url", a.url().toString()).set("properties", a.properties()));
        } else {
            o.set("geotiff", geoTiff(scene));
        }
        try {
            Description d = new Describer(settings, definitions, warnings::add, counter).describe(scene, delivery, facts);
            ObjectNode fp = o.putObject("footprint");
            fp.put("method", d.footprint().method());
            fp.set("geojson", d.footprint().toGeoJson());
            LonLat c = d.footprint().centroid();
            fp.putArray("centroid").add(c.lon()).add(c.lat());
            if (facts != null && facts.geolocation().isPresent()) {
                footprintDetail(fp, facts.geolocation().get(), scene);
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

    /**
     * What the GeoTIFF images say about themselves. The place for the GeoTIFF reader's fields (size,
     * tiling, byte order, GeoKeys, valid-data footprint) once there is one; until then a note.
     */
    private static ObjectNode geoTiff(Scene scene) {
        ObjectNode g = Json.object();
        g.put("note", "alos2-ingest does not read GeoTIFF headers here yet; the images' sizes and georeferencing will be "
                + "listed once the GeoTIFF reader is in place. Times and footprint below come from summary.txt.");
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

    private static ObjectNode ceos(CeosProduct p) {
        ObjectNode o = Json.object();
        p.volume().ifPresent(v -> o.set("volume_directory", volume(v)));
        o.set("leader", leader(p.leader()));
        ArrayNode images = o.putArray("images");
        for (CeosProduct.Image img : p.images()) {
            ObjectNode io = image(img.file());
            io.put("polarisation", img.polarisation());
            io.put("scan", img.scan());
            images.add(io);
        }
        p.trailer().ifPresent(t -> o.set("trailer", trailer(t)));
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode volume(VolumeDirectory v) {
        ObjectNode o = Json.object();
        o.put("file", v.file().getFileName().toString());
        o.set("records", records(v.records()));
        return o;
    }

    private static ObjectNode leader(LeaderFile l) {
        ObjectNode o = Json.object();
        o.put("file", l.file().getFileName().toString());
        o.set("records", records(l.records()));
        ArrayNode sv = o.putArray("state_vectors");
        for (StateVector v : l.platformPosition().stateVectors()) {
            ObjectNode s = sv.addObject();
            s.put("time", IsoTime.format(v.time()));
            s.put("x", v.x());
            s.put("y", v.y());
            s.put("z", v.z());
            s.put("vx", v.vx());
            s.put("vy", v.vy());
            s.put("vz", v.vz());
        }
        o.put("orbit_precision", l.platformPosition().precision());
        ArrayNode notes = o.putArray("notes");
        l.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode image(ImageFile f) {
        ObjectNode o = Json.object();
        o.put("file", f.file().getFileName().toString());
        o.put("bytes", f.size());
        o.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        o.put("lines", f.lines());
        o.put("pixels", f.pixels());
        o.set("descriptor", Json.MAPPER.valueToTree(f.descriptor().record().dump()));
        o.set("first_record", Json.MAPPER.valueToTree(f.firstRecord().dump()));
        o.set("last_record", Json.MAPPER.valueToTree(f.lastRecord().dump()));
        f.firstSignal().ifPresent(s -> o.put("first_line_time", IsoTime.format(s.time())));
        f.lastSignal().ifPresent(s -> o.put("last_line_time", IsoTime.format(s.time())));
        f.firstSignal().ifPresent(s -> o.put("prf_hz", s.prfHz()));
        f.firstSignal().ifPresent(s -> o.put("slant_range_to_first_sample_m", s.slantRange()));
        ArrayNode notes = o.putArray("notes");
        f.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode trailer(TrailerFile t) {
        ObjectNode o = Json.object();
        o.put("file", t.file().getFileName().toString());
        o.set("descriptor", Json.MAPPER.valueToTree(t.descriptor().dump()));
        ArrayNode q = o.putArray("quick_looks");
        for (TrailerFile.QuickLookEntry e : t.quickLooks()) {
            q.addObject().put("offset", e.offset()).put("width", e.width()).put("height", e.height()).put("bytes_per_sample", e.bytesPerSample());
        }
        return o;
    }

    private static ArrayNode records(List<CeosRecord> records) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (CeosRecord r : records) {
            ObjectNode ro = a.addObject();
            ro.put("record", r.layout().name());
            ro.setAll((ObjectNode) Json.MAPPER.valueToTree(r.dump()));
        }
        return a;
    }

    private static ObjectNode geometry(CeosGeometry g) {
        ObjectNode o = Json.object();
        o.put("look_side", g.lookSide().word());
        o.put("start", IsoTime.format(g.start()));
        o.put("end", IsoTime.format(g.end()));
        o.put("state_vectors", g.stateVectors().size());
        o.put("orbit_first", IsoTime.format(g.orbit().first()));
        o.put("orbit_last", IsoTime.format(g.orbit().last()));
        o.put("range_pixel_spacing_m", g.swaths().get(0).rangeSpacing());
        ArrayNode swaths = o.putArray("images");
        for (RadarSwath s : g.swaths()) {
            ObjectNode so = swaths.addObject();
            so.put("file", s.file());
            so.put("scan", s.scan());
            so.put("first_line_time", IsoTime.format(s.start()));
            so.put("last_line_time", IsoTime.format(s.end()));
            so.put("prf_hz", s.prf());
            so.put("lines", s.lines());
            so.put("pixels", s.pixels());
            so.put("near_range_first_line_m", s.nearRangeFirst());
            so.put("near_range_last_line_m", s.nearRangeLast());
            so.put("far_range_first_line_m", s.farRangeFirst());
        }
        g.facility5().ifPresent(p -> {
            ObjectNode f = o.putObject("facility5");
            f.put("origin_pixel", p.originPixel());
            f.put("origin_line", p.originLine());
            f.put("image", g.facility5Scan() >= 0 ? g.swaths().get(g.facility5Scan()).file() : null);
        });
        ArrayNode notes = o.putArray("notes");
        g.notes().forEach(notes::add);
        return o;
    }

    private static void footprintDetail(ObjectNode fp, CeosFootprint.Result r, Scene scene) {
        fp.put("native_method", r.used());
        fp.set("range_doppler_corners", lonLats(r.rangeDoppler()));
        r.facility5().ifPresent(c -> fp.set("facility5_corners", lonLats(c)));
        if (r.facility5Image() != null) {
            fp.put("facility5_image", r.facility5Image());
            fp.set("range_doppler_corners_of_that_image", lonLats(r.checkedAgainst()));
            fp.put("methods_difference_m", r.difference());
        }
        if (r.perScan().size() > 1) {
            ArrayNode scans = fp.putArray("per_scan_range_doppler_corners");
            r.perScan().forEach(c -> scans.add(lonLats(c)));
        }
        fp.put("corner_order", "first line near range, first line far range, last line far range, last line near range");
        scene.summary().flatMap(SummaryCorners::imageScene).ifPresent(c -> {
            fp.set("summary_image_corners_lt_rt_rb_lb", lonLats(c));
        });
        ArrayNode w = fp.putArray("warnings");
        r.warnings().forEach(w::add);
    }

    private static ArrayNode lonLats(List<LonLat> ring) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (LonLat c : ring) {
            a.addArray().add(c.lon()).add(c.lat());
        }
        return a;
    }

    /** A single file: recognised by its first record's type code (CEOS), or as summary.txt, or by its name. */
    private ObjectNode file(Path f) {
        ObjectNode o = Json.object();
        o.put("file", f.getFileName().toString());
        try {
            o.put("bytes", Files.size(f));
        } catch (IOException e) {
            throw new IngestException(f, "cannot read: " + e.getMessage(), e);
        }
        try {
            ProductFileName.parse(f.getFileName().toString()).ifPresent(n -> {
                o.put("type", n.type().name());
                o.set("name", name(n.product().scene(), n.product().product()));
            });
        } catch (IllegalArgumentException e) {
            o.put("name_error", e.getMessage());
        }
        if (f.getFileName().toString().equals("summary.txt")) {
            o.set("summary", summary(SummaryFile.read(f)));
            return o;
        }
        Optional<RecordCode> code = firstCode(f);
        if (code.isEmpty()) {
            o.put("note", "not a CEOS file; a GeoTIFF image's header is not read here yet");
            return o;
        }
        RecordCode c = code.get();
        if (c.equals(RecordCode.VOLUME_DESCRIPTOR)) {
            o.set("volume_directory", volume(VolumeDirectory.read(f, counter)));
        } else if (c.equals(RecordCode.LEADER_FILE_DESCRIPTOR)) {
            o.set("leader", leader(LeaderFile.read(f, counter)));
        } else if (c.equals(RecordCode.IMAGE_FILE_DESCRIPTOR)) {
            o.set("image", image(ImageFile.read(f, counter)));
        } else if (c.equals(RecordCode.TRAILER_FILE_DESCRIPTOR)) {
            o.set("trailer", trailer(TrailerFile.read(f, counter)));
        } else {
            throw new IdentifyException(f, "its first record (type " + c + ") is no CEOS volume, leader, image or trailer file descriptor");
        }
        return o;
    }

    private Optional<RecordCode> firstCode(Path f) {
        try (CeosFile c = CeosFile.open(f, counter)) {
            if (c.size() < Preamble.SIZE) {
                return Optional.empty();
            }
            ByteBuffer b = c.read(0, Preamble.SIZE, "a record preamble");
            Preamble p = Preamble.read(b);
            for (RecordCode k : List.of(RecordCode.VOLUME_DESCRIPTOR, RecordCode.LEADER_FILE_DESCRIPTOR, RecordCode.IMAGE_FILE_DESCRIPTOR,
                    RecordCode.TRAILER_FILE_DESCRIPTOR)) {
                if (p.code().equals(k) && p.sequence() == 1) {
                    return Optional.of(k);
                }
            }
            byte[] head = new byte[4];
            b.rewind().get(head);
            boolean tiff = head[0] == 'I' && head[1] == 'I' || head[0] == 'M' && head[1] == 'M';
            return tiff ? Optional.empty() : Optional.of(p.code());
        }
    }

}
