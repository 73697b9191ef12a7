package org.alos2ingest.format.geotiff;

import java.nio.file.Path;

import org.alos2ingest.identify.IdentifyException;

/**
 * The size, sample type and georeferencing of a GeoTIFF's first image, whatever its samples: what a
 * report needs of files {@link GeoTiffImage} does not read pixels of, such as a Float32 sigma-nought COG.
 *
 * @param sampleFormat TIFF SampleFormat: 1 unsigned, 2 signed integer, 3 floating point
 */
public record GeoTiffGrid(int width, int height, int bitsPerSample, int sampleFormat, int epsg, GeoTransform transform) {

    /** @throws IdentifyException naming the file and what it lacks */
    public static GeoTiffGrid read(Path file) {
        try (TiffSource s = TiffSource.of(file)) {
            TiffDirectory d = TiffDirectory.readFirst(s);
            long w = d.integer(TiffTag.IMAGE_WIDTH, -1);
            long h = d.integer(TiffTag.IMAGE_LENGTH, -1);
            if (w <= 0 || h <= 0 || w > 1 << 30 || h > 1 << 30) {
                throw s.error("image size " + w + " x " + h + " is not a raster's");
            }
            GeoReference g;
            try {
                g = GeoReference.read(d, (int) w, (int) h);
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
            return new GeoTiffGrid((int) w, (int) h, (int) d.integer(TiffTag.BITS_PER_SAMPLE, 1), (int) d.integer(TiffTag.SAMPLE_FORMAT, 1),
                    g.epsg(), g.transform());
        }
    }
}
