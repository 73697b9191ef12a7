package org.alos2ingest.format.geotiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.format.geotiff.TiffEncoder.Tag;

/**
 * A GeoTIFF's georeferencing tags as the file holds them (pixel scale, tie points or transformation,
 * the GeoKey directory and its double and ASCII parameters), so that a derived file says exactly
 * what its source said: same CRS description, same grid, down to the last bit of every double.
 */
public final class GeoTags {

    private final double[] pixelScale;
    private final double[] tiePoints;
    private final double[] transformation;
    private final long[] keyDirectory;
    private final double[] doubleParams;
    private final String asciiParams;

    private GeoTags(double[] pixelScale, double[] tiePoints, double[] transformation, long[] keyDirectory, double[] doubleParams,
                    String asciiParams) {
        this.pixelScale = pixelScale;
        this.tiePoints = tiePoints;
        this.transformation = transformation;
        this.keyDirectory = keyDirectory;
        this.doubleParams = doubleParams;
        this.asciiParams = asciiParams;
    }

    static GeoTags read(TiffDirectory d) {
        return new GeoTags(d.reals(TiffTag.MODEL_PIXEL_SCALE).orElse(null), d.reals(TiffTag.MODEL_TIEPOINT).orElse(null),
                d.reals(TiffTag.MODEL_TRANSFORMATION).orElse(null), d.integers(TiffTag.GEO_KEY_DIRECTORY).orElse(null),
                d.reals(TiffTag.GEO_DOUBLE_PARAMS).orElse(null), d.ascii(TiffTag.GEO_ASCII_PARAMS).orElse(null));
    }

    /** The tags in {@code enc}'s byte order, for the first IFD of a new file. */
    List<Tag> encode(TiffEncoder enc) {
        List<Tag> tags = new ArrayList<>();
        Optional.ofNullable(pixelScale).ifPresent(v -> tags.add(enc.doubles(TiffTag.MODEL_PIXEL_SCALE, v)));
        Optional.ofNullable(tiePoints).ifPresent(v -> tags.add(enc.doubles(TiffTag.MODEL_TIEPOINT, v)));
        Optional.ofNullable(transformation).ifPresent(v -> tags.add(enc.doubles(TiffTag.MODEL_TRANSFORMATION, v)));
        Optional.ofNullable(keyDirectory).ifPresent(v -> tags.add(enc.shorts(TiffTag.GEO_KEY_DIRECTORY, v)));
        Optional.ofNullable(doubleParams).ifPresent(v -> tags.add(enc.doubles(TiffTag.GEO_DOUBLE_PARAMS, v)));
        Optional.ofNullable(asciiParams).ifPresent(v -> tags.add(enc.ascii(TiffTag.GEO_ASCII_PARAMS, v)));
        return tags;
    }
}
