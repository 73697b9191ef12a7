package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.alos2ingest.format.ceos.ReadCounter;
import org.alos2ingest.format.ceos.TrailerFile;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.testing.L11Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CeosBrowseRendererTest {

    @TempDir
    Path dir;

    @Test
    void withoutJpegsTheTrailersQuickLookIsTheBrowse() throws Exception {
        Path p = dir.resolve("p");
        CeosSampleProduct product = L11Samples.write(L11Samples.stripmap(), p);
        String id = product.geometry().spec().name().text();
        Files.delete(p.resolve("BRS-HH-" + id + ".jpg"));
        Files.delete(p.resolve("BRS-HV-" + id + ".jpg"));
        List<Scene> scenes = new SceneFinder(w -> { }).find(p);
        Path out = Files.createDirectory(dir.resolve("out"));
        new CeosBrowseRenderer().render(scenes.get(0), null, out, org.alos2ingest.util.Progress.silent());

        TrailerFile trl = TrailerFile.read(p.resolve("TRL-" + id), new ReadCounter());
        TrailerFile.QuickLook q = trl.quickLook(0, new ReadCounter());
        for (String pol : List.of("HH", "HV")) {
            BufferedImage browse = ImageIO.read(out.resolve("IMG-" + pol + "-" + id + ".browse.png").toFile());
            assertEquals(q.width(), browse.getWidth());
            assertEquals(q.height(), browse.getHeight());
            BufferedImage small = ImageIO.read(out.resolve("IMG-" + pol + "-" + id + ".browse_small.png").toFile());
            assertTrue(Math.max(small.getWidth(), small.getHeight()) == 250);
        }
        // The stretch keeps the quick-look's pattern: brighter samples stay brighter.
        BufferedImage browse = ImageIO.read(out.resolve("IMG-HH-" + id + ".browse.png").toFile());
        int bright = 0;
        int dark = 0;
        for (int i = 0; i < q.samples().length; i++) {
            if (q.samples()[i] > q.samples()[bright]) {
                bright = i;
            }
            if (q.samples()[i] < q.samples()[dark]) {
                dark = i;
            }
        }
        assertEquals(255, browse.getRaster().getSample(bright % q.width(), bright / q.width(), 0));
        assertEquals(1, browse.getRaster().getSample(dark % q.width(), dark / q.width(), 0));
    }

    @Test
    void appliesToCeosOnly() throws Exception {
        Path p = dir.resolve("p");
        L11Samples.write(L11Samples.scanSar(), p);
        Scene s = new SceneFinder(w -> { }).find(p).get(0);
        assertTrue(new CeosBrowseRenderer().appliesTo(s));
        assertFalse(new CeosBrowseRenderer().appliesTo(new Scene(s.name(), s.folder(), org.alos2ingest.identify.ProductFormat.GEOTIFF, s.files(),
                s.names(), s.summary())));
    }
}
