package org.alos2ingest.format.geotiff;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.alos2ingest.identify.IdentifyException;
import org.alos2ingest.testing.FuzzInputs;

/**
 * A GeoTIFF 1.5 / 2.1 image file: TIFF or BigTIFF header, image file directories, GeoKeys and the
 * georeferencing tags ({@link GeoTiffImage}, {@link GeoTiffGrid}), then its pixels decoded row by row
 * as the renderer reads them. Bad input must end in an {@link IdentifyException} naming the file.
 */
class GeoTiffFuzzTest {

    /** Rows are decoded for images up to this many samples: a real caller's buffers are sized the same way. */
    private static final long MAX_DECODED = 1 << 20;

    @FuzzTest(maxDuration = "10s")
    void geoTiffImage(byte[] input) {
        Path file = FuzzInputs.file("IMG-HH-ALOS2015976960-140909-FBDR1.5GUA.tif", input);
        try (GeoTiffImage img = GeoTiffImage.open(file)) {
            img.describe();
            img.geoTags();
            img.transform();
            if ((long) img.width() * img.height() <= MAX_DECODED) {
                short[] row = new short[img.width()];
                try (GeoTiffImage.RowReader rows = img.rows()) {
                    for (int y = 0; y < img.height(); y++) {
                        rows.read(y, 1, row, 0);
                    }
                }
            }
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void geoTiffGrid(byte[] input) {
        Path file = FuzzInputs.file("sigma0-HH.tif", input);
        try {
            GeoTiffGrid.read(file);
        } catch (IdentifyException e) {
            FuzzInputs.refused(e);
        }
    }
}
