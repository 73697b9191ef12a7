package org.alos2ingest.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.describe.Description;

/**
 * Writes {@code index.html} into a product folder: a Leaflet map of the tile layers (one per
 * polarisation) over a base layer switch (an offline graticule drawn in the browser, and
 * OpenStreetMap for users online), the footprint outline, and the product's key metadata. Leaflet
 * ships in {@code leaflet/} beside it (taken from the npm registry at build time), and the product's
 * data is inlined in the page, so it works from the folder with no network and no server.
 */
public final class ViewerPage {

    public static final String FILE = "index.html";
    private static final String RESOURCES = "/org/alos2ingest/render/";
    private static final List<String> LEAFLET = List.of("leaflet.js", "leaflet.css", "LICENSE", "images/layers.png",
            "images/layers-2x.png", "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png");

    private ViewerPage() {
    }

    /**
     * @param layers     the tile layers written (polarisations), empty without tiles
     * @param tileBounds the box the tiles cover, or null
     */
    public static void write(Path folder, Description d, List<String> layers, int maxZoom, GeoBounds tileBounds, List<String> browse) {
        ObjectNode p = Json.object();
        p.put("id", d.id());
        ArrayNode l = p.putArray("layers");
        layers.forEach(l::add);
        p.put("maxZoom", maxZoom);
        if (tileBounds != null && !tileBounds.crossesAntimeridian()) {
            // Leaflet requests exactly the tiles overlapping these bounds: the tile set written.
            p.putArray("tileBounds").add(tileBounds.west()).add(tileBounds.south()).add(tileBounds.east()).add(tileBounds.north());
        }
        p.set("footprint", d.footprint().toGeoJson());
        p.put("footprintMethod", d.footprint().method());
        ArrayNode fields = p.putArray("fields");
        JsonNode met = d.met();
        field(fields, "Level", met.path("level").asText());
        field(fields, "Mode", met.path("dfdn").path("AcquistionMode").asText() + " " + met.path("modeDescription").asText(""));
        field(fields, "Polarisations", String.join(", ", texts(met.path("polarisations"))));
        field(fields, "Start (UTC)", met.path("starttime").asText());
        field(fields, "End (UTC)", met.path("endtime").asText());
        field(fields, "Orbit direction", met.path("direction").asText());
        field(fields, "Looking", met.path("lookDirection").asText());
        field(fields, "Path / frame", met.path("trackNumber").asText() + " / " + met.path("frameID").asText());
        field(fields, "Orbit", met.path("orbitNumber").asText());
        field(fields, "Off-nadir angle", met.path("alos2md").path("img_offnadirangle").asText(""));
        field(fields, "Pixel spacing (m)", met.path("alos2md").path("pds_pixelspacing").asText(""));
        field(fields, "Format", met.path("dataset").asText());
        field(fields, "Dataset version", d.version());
        field(fields, "Footprint", d.footprint().method());
        field(fields, "Tiles", layers.isEmpty() ? "none" : "zoom 0 to " + maxZoom);
        ArrayNode links = p.putArray("links");
        links.addArray().add("Product archive (" + met.path("archive_filename").asText() + ")").add(met.path("archive_filename").asText());
        links.addArray().add("Metadata (met.json)").add(d.id() + ".met.json");
        for (String b : browse) {
            links.addArray().add("Browse image " + b).add(b);
        }

        try {
            String template = resource("viewer.html");
            // Inline JSON must not be able to close the script element.
            String json = Json.compact(p).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            String html = template.replace("{{TITLE}}", escape(d.id())).replace("{{PRODUCT_JSON}}", json);
            Files.writeString(folder.resolve(FILE), html, StandardCharsets.UTF_8);
            for (String f : LEAFLET) {
                Path target = folder.resolve("leaflet").resolve(f);
                Files.createDirectories(target.getParent());
                try (InputStream in = ViewerPage.class.getResourceAsStream(RESOURCES + "leaflet/" + f)) {
                    if (in == null) {
                        throw new RenderException(null, "Leaflet file " + f + " is missing from the jar (rebuild with mvn package)");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new RenderException(folder.resolve(FILE), "cannot write the viewer: " + e.getMessage(), e);
        }
    }

    private static void field(ArrayNode fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.addArray().add(name).add(value.strip());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ViewerPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
