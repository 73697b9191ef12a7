package org.alos2ingest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.describe.Describer;
import org.alos2ingest.describe.Description;
import org.alos2ingest.describe.Provenance;
import org.alos2ingest.identify.Scene;
import org.alos2ingest.identify.SceneFinder;
import org.alos2ingest.testing.Deliveries;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.unpack.UnpackedDelivery;
import org.alos2ingest.unpack.Unpacker;
import org.alos2ingest.util.FileBytes;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image streamed from its zip through a window much smaller than itself renders exactly as from
 * the disk; one whose bands would not fit the window is extracted and read from the disk instead.
 */
class StreamedImageTest {

    @TempDir
    Path tmp;

    /** 2000 px wide: a 512-row band is 2 MB, the image about 8 MB. */
    @Test
    void throughASmallWindowOrExtractedWhenBandsDoNotFitThePicturesAreTheSame() throws IOException {
        Path zip = Deliveries.zip(tmp.resolve("in"), "fbd", 2000);
        RenderSettings settings = new RenderSettings(true, 11, 2);
        Map<String, byte[]> fromDisk;
        {
            Path folder = tmp.resolve("folder");
            UnpackedDelivery d = new Unpacker(UnpackLimits.defaults(), Progress.silent()).unpack(zip, folder);
            fromDisk = render(d, tmp.resolve("a"), settings, new ArrayList<>());
        }
        // 5 MB: two bands fit, the image does not
        List<String> log = new ArrayList<>();
        UnpackedDelivery streamed = new Unpacker(UnpackLimits.defaults(), Progress.silent()).streamWindow(5 << 20)
                .unpack(zip, tmp.resolve("s"), n -> n.startsWith("IMG-"));
        assertEquals(2, streamed.notOnDisk().size());
        assertSame(fromDisk, render(streamed, tmp.resolve("b"), settings, log));
        assertEquals(2, log.stream().filter(l -> l.contains(": streamed from " + zip.toAbsolutePath() + "!IMG-")).count(), log.toString());
        try (Stream<Path> s = Files.list(tmp.resolve("s"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("IMG-")), "no image written to the work disk");
        }
        streamed.awaitIntact(streamed.notOnDisk().keySet());

        // 3 MB: two bands of 2 MB do not fit: extracted (CRC checked), then read from the disk
        List<String> log2 = new ArrayList<>();
        UnpackedDelivery narrow = new Unpacker(UnpackLimits.defaults(), Progress.silent()).streamWindow(3 << 20)
                .unpack(zip, tmp.resolve("n"), n -> n.startsWith("IMG-"));
        assertSame(fromDisk, render(narrow, tmp.resolve("c"), settings, log2));
        assertEquals(2, log2.stream().filter(l -> l.contains("extracted to be read, not streamed: 2 bands of its rows need")).count(), log2.toString());
        for (Path image : narrow.notOnDisk().keySet()) {
            assertTrue(Files.isRegularFile(image), image + " extracted");
        }
        narrow.awaitIntact(narrow.notOnDisk().keySet());
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        int tiles = 0;
        for (String name : expected.keySet()) {
            if (name.endsWith(".json") || name.endsWith(".html")) {
                continue;
            }
            assertEquals(-1, java.util.Arrays.mismatch(expected.get(name), actual.get(name)), name + " differs");
            tiles += name.startsWith("tiles/") ? 1 : 0;
        }
        assertTrue(tiles > 20, "tiles compared: " + tiles);
    }

    private static Map<String, byte[]> render(UnpackedDelivery delivery, Path out, RenderSettings settings, List<String> log) throws IOException {
        List<String> warnings = new ArrayList<>();
        Scene scene = new SceneFinder(warnings::add).find(delivery.root(), delivery.notOnDisk()).get(0);
        Describer describer = new Describer(Settings.load(null, Map.of("ALOS2_INGEST_HOME", out.toString())), DatasetDefinitions.load(null),
                warnings::add);
        Description d = describer.describe(scene, Provenance.local(delivery.root()));
        Path folder = out.resolve(scene.id());
        Files.createDirectories(folder);
        Logger logger = Logger.getLogger("org.alos2ingest");
        java.util.logging.Level before = logger.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        logger.setLevel(java.util.logging.Level.FINE);
        logger.addHandler(capture);
        try {
            new GeoTiffRenderer(settings).render(scene, d, folder, Progress.silent(), (FileBytes) delivery);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
