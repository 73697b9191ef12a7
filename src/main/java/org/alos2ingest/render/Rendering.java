package org.alos2ingest.render;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Description;
import org.alos2ingest.geo.Footprint;

/**
 * What a renderer made and learned about a scene, for the pipeline to merge into its description
 * ({@link #addTo}) before it is published.
 *
 * @param footprint      the valid-data outline, when it replaces the description's footprint
 * @param outlineOffsetMetres how far summary.txt's corners lie from the valid-data outline, when checked
 * @param tiles          the tile fields of met.json, when the renderer is one that makes tiles
 * @param browse         the browse image files written, by name
 * @param projection     met.json {@code projection}: the map grid of a map product's images, for STAC's
 *                       projection extension
 * @param cogs           the Cloud-Optimized GeoTIFFs written (met.json {@code cog_files})
 * @param calibration    the calibration of the sigma-nought COGs, when any was written
 */
public record Rendering(Optional<Footprint> footprint, OptionalDouble outlineOffsetMetres, Optional<Tiles> tiles,
                        List<String> browse, Optional<ObjectNode> projection, List<CogFile> cogs, Optional<Calibration> calibration) {

    /**
     * @param written whether tiles were asked for ({@code tiles} in met.json)
     * @param layers  the tile layers written (polarisations), empty without tiles
     * @param maxZoom the zoom every layer goes to
     */
    public record Tiles(boolean written, List<String> layers, int maxZoom) {
        public Tiles {
            layers = List.copyOf(layers);
        }
    }

    public Rendering {
        browse = List.copyOf(browse);
        cogs = List.copyOf(cogs);
        projection = projection.map(ObjectNode::deepCopy);
    }

    /** Browse images only: nothing for the description. */
    public static Rendering browseOnly(List<String> browse) {
        return new Rendering(Optional.empty(), OptionalDouble.empty(), Optional.empty(), browse, Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * The description with what was learned: the outline footprint, then met.json's
     * {@code valid_data_outline_offset_m}, {@code tiles}, {@code tile_layers}, {@code tile_max_zoom},
     * {@code projection}, {@code cog_files} and {@code sigma0_calibration}.
     */
    public Description addTo(Description d) {
        Description out = footprint.map(d::withFootprint).orElse(d);
        ObjectNode fields = Json.object();
        outlineOffsetMetres.ifPresent(m -> fields.put("valid_data_outline_offset_m", Math.round(m * 10) / 10.0));
        tiles.ifPresent(t -> {
            fields.put("tiles", t.written());
            ArrayNode layers = fields.putArray("tile_layers");
            ArrayNode zooms = fields.putArray("tile_max_zoom");
            for (String l : t.layers()) {
                layers.add(l);
                zooms.add(t.maxZoom());
            }
        });
        projection.ifPresent(p -> fields.set("projection", p.deepCopy()));
        if (!cogs.isEmpty()) {
            ArrayNode files = fields.putArray("cog_files");
            cogs.forEach(c -> files.add(c.toJson()));
        }
        calibration.ifPresent(c -> {
            ObjectNode cal = fields.putObject("sigma0_calibration");
            cal.put("factor_db", c.factorDb());
            cal.put("formula", Calibration.FORMULA);
            cal.put("source", Calibration.SOURCE);
        });
        return fields.isEmpty() ? out : out.withMetFields(fields);
    }
}
