package org.alos2ingest.inspect;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.format.geotiff.CogCheck;
import org.alos2ingest.format.geotiff.GeoTiffGrid;
import org.alos2ingest.format.geotiff.GeoTiffImage;
import org.alos2ingest.format.geotiff.GeoTransform;
import org.alos2ingest.identify.IdentifyException;

/**
 * The GeoTIFF part of {@link Inspector}'s report: what an image's header says (size, EPSG code,
 * geotransform, storage layout) and whether it is a Cloud-Optimized GeoTIFF ({@link CogCheck}).
 * Reads the header, the IFDs and their tile tables only, never the pixels.
 */
final class GeoTiffReport {

    private GeoTiffReport() {
    }

    /**
     * Adds {@code geotiff} and {@code cog} to {@code o}. The COG check reads the structure first: a
     * broken structure ends the report with its IdentifyException; an image the reader does not take
     * (a Float32 sigma-nought COG, say) still gets its size, georeferencing and COG verdict, with
     * {@code geotiff.pixels_readable} false and the reason.
     *
     * @param peeked the file holds only the first megabyte of a zip entry: leaders and trailers are not read
     */
    static void add(Path tif, boolean peeked, ObjectNode o) {
        CogCheck.Result cog = CogCheck.check(tif, !peeked);
        o.set("geotiff", image(tif));
        ObjectNode c = cog(cog);
        if (peeked && !cog.structure().isEmpty()) {
            c.put("note", "tile leaders and trailers not checked: only the first megabyte of an image inside a zip is read");
        }
        o.set("cog", c);
    }

    /** The same for an image of a product folder, where a broken file is one entry's error rather than the end of the report. */
    static ObjectNode productImage(Path tif, boolean peeked) {
        ObjectNode o = Json.object();
        o.put("file", tif.getFileName().toString());
        try {
            add(tif, peeked, o);
        } catch (IdentifyException e) {
            o.put("error", e.getMessage());
        }
        return o;
    }

    private static ObjectNode image(Path tif) {
        ObjectNode g = Json.object();
        try {
            GeoTiffGrid grid = GeoTiffGrid.read(tif);
            g.put("width", grid.width());
            g.put("height", grid.height());
            g.put("bits_per_sample", grid.bitsPerSample());
            g.put("sample_format", switch (grid.sampleFormat()) {
                case 1 -> "unsigned integer";
                case 2 -> "signed integer";
                case 3 -> "floating point";
                default -> "code " + grid.sampleFormat();
            });
            g.put("epsg", grid.epsg());
            GeoTransform t = grid.transform();
            g.putArray("geotransform").add(t.x0()).add(t.xPerColumn()).add(t.xPerRow()).add(t.y0()).add(t.yPerColumn()).add(t.yPerRow());
        } catch (IdentifyException e) {
            g.put("error", e.getMessage());
            return g;
        }
        try (GeoTiffImage img = GeoTiffImage.open(tif)) {
            g.put("layout", img.describe());
        } catch (IdentifyException e) {
            // the grid is known; only the pixels are of a kind the renderer does not read (Float32 sigma-nought)
            g.put("pixels_readable", false);
            g.put("reason", e.getMessage().substring(e.getMessage().lastIndexOf(": ") + 2));
        }
        return g;
    }

    static ObjectNode cog(CogCheck.Result r) {
        ObjectNode c = Json.object();
        c.put("valid", r.valid());
        strings(c.putArray("errors"), r.errors());
        strings(c.putArray("warnings"), r.warnings());
        c.put("bigtiff", r.bigTiff());
        size(c.putArray("size"), r.size());
        c.put("tiled", r.tiled());
        if (r.tiled()) {
            size(c.putArray("tile_size"), r.block());
        } else {
            c.putNull("tile_size");
            c.put("rows_per_strip", r.block().height());
        }
        c.put("compression", r.compression());
        c.put("predictor", r.predictor());
        c.put("data_type", r.dataType());
        c.put("overviews", r.overviews().size());
        ArrayNode sizes = c.putArray("overview_sizes");
        r.overviews().forEach(s -> size(sizes.addArray(), s));
        c.put("masks", r.masks());
        strings(c.putArray("structural_metadata"), r.structure());
        c.put("blocks_checked", r.blocksChecked());
        c.put("header_bytes", r.headerBytes());
        return c;
    }

    private static void size(ArrayNode a, CogCheck.Size s) {
        a.add(s.width()).add(s.height());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
