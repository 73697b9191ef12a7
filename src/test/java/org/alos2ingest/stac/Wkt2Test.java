package org.alos2ingest.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The WKT2 of every CRS ALOS-2 map products use is what GDAL (Debian's gdal-bin, 3.6) reads as that EPSG code. */
class Wkt2Test {

    @Test
    void gdalIdentifiesEachWkt2AsItsEpsgCode() throws Exception {
        for (int epsg : List.of(4326, 32601, 32619, 32654, 32660, 32701, 32719, 32760, 32661, 32761)) {
            String wkt = Wkt2.ofEpsg(epsg).orElseThrow();
            assertEquals("EPSG:" + epsg, gdal("gdalsrsinfo", "-e", "-o", "epsg", wkt), wkt);
        }
        assertTrue(gdal("gdalsrsinfo", "-o", "proj4", Wkt2.ofEpsg(32719).orElseThrow()).contains("+proj=utm +zone=19 +south"));
        assertFalse(Wkt2.ofEpsg(3857).isPresent(), "no WKT for a CRS ALOS-2 products do not use");
    }

    private static String gdal(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " not found: install Debian's gdal-bin (.ci/install-deps does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }
}
