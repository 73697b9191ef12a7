package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Products where map tiles and footprints are easy to get wrong: across the antimeridian, and near the pole. */
class ExtremePlacesTest {

    @Test
    void aSceneAcrossTheAntimeridianIsTiledOnBothSides(@TempDir Path dir) throws IOException {
        SampleSpec s = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L2_1, 'R', OrbitDirection.ASCENDING, 'U',
                new LonLat(179.95, -17.5), LocalDateTime.of(2023, 5, 1, 13, 0), 47000, 3500).withWidth(700);
        RenderedProduct p = RenderedProduct.make(s, dir, new RenderSettings(true, 8, 2));
        // The footprint is split at the antimeridian, as RFC 7946 asks.
        assertEquals("MultiPolygon", p.description.met().path("location").path("type").asText());
        int last = (1 << 8) - 1;
        assertTrue(hasData(p.folder.resolve("tiles/HH/8/" + last)), "tiles west of 180 E show the image");
        assertTrue(hasData(p.folder.resolve("tiles/HH/8/0")), "tiles east of 180 W show the image");
        String html = Files.readString(p.folder.resolve("index.html"));
        assertFalse(html.contains("\"tileBounds\""), "Leaflet cannot take bounds across the antimeridian");
    }

    @Test
    void aPolarStereographicSceneNearTheEdgeOfTheMercatorMap(@TempDir Path dir) throws IOException {
        SampleSpec s = SampleSpec.generic(ObservationMode.FBD, ProcessingLevel.L2_1, 'R', OrbitDirection.DESCENDING, 'P',
                new LonLat(-60, -84.7), LocalDateTime.of(2023, 11, 1, 9, 0), 48000, 5000).withWidth(600).withDefects(2, 1);
        assertEquals(32761, s.epsg());
        RenderedProduct p = RenderedProduct.make(s, dir, new RenderSettings(true, 9, 2));
        assertEquals("Polygon", p.description.met().path("location").path("type").asText());
        assertTrue(p.description.footprint().method().startsWith("valid-data outline"));
        boolean any = false;
        try (Stream<Path> cols = Files.list(p.folder.resolve("tiles/HH/9"))) {
            for (Path c : cols.toList()) {
                any |= hasData(c);
            }
        }
        assertTrue(any, "zoom 9 tiles show the image");
    }

    private static boolean hasData(Path column) throws IOException {
        if (!Files.isDirectory(column)) {
            return false;
        }
        try (Stream<Path> f = Files.list(column)) {
            for (Path t : f.toList()) {
                BufferedImage img = ImageIO.read(t.toFile());
                for (int y = 0; y < 256; y += 4) {
                    for (int x = 0; x < 256; x += 4) {
                        if ((img.getRGB(x, y) >>> 24) != 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
