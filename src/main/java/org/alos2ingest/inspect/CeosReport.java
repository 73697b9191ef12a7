package org.alos2ingest.inspect;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.SummaryCorners;
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
import org.alos2ingest.identify.Scene;

/**
 * The CEOS part of {@link Inspector}'s report: every record of the volume directory, leader, image
 * and trailer files, the state vectors, the radar geometry and the footprint methods' corners, for
 * a whole product or a single file.
 */
final class CeosReport {

    private CeosReport() {
    }

    /**
     * A single CEOS file's fields, added to {@code o} under its kind (volume_directory, leader, image
     * or trailer), recognised by its first record's type code; false when {@code f} is no CEOS file.
     */
    static boolean file(Path f, ReadCounter counter, ObjectNode o) {
        Optional<RecordCode> code = firstCode(f, counter);
        if (code.isEmpty()) {
            return false;
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
        return true;
    }

    /** The product's CEOS files: every record's fields, the state vectors, image and quick-look details. */
    static ObjectNode product(CeosProduct p) {
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

    /** The radar geometry the footprint is computed from. */
    static ObjectNode geometry(CeosGeometry g) {
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

    /** The native footprint methods' corners beside each other, and what they disagree on. */
    static void footprintDetail(ObjectNode fp, CeosFootprint.Result r, Scene scene) {
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

    private static Optional<RecordCode> firstCode(Path f, ReadCounter counter) {
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
