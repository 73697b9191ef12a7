package org.alos2ingest.format.geotiff;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The GeoKey directory of a GeoTIFF (GeoTIFF 1.1, OGC 19-008r4, section 7): a table of keys whose
 * values are SHORTs held in the directory itself, or references into the double and ASCII parameter tags.
 */
final class GeoKeys {

    static final int MODEL_TYPE = 1024;
    static final int RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int GEOG_ANGULAR_UNITS = 2054;
    static final int PROJECTED_CS_TYPE = 3072;
    static final int PROJECTION = 3074;
    static final int PROJ_LINEAR_UNITS = 3076;

    static final int MODEL_PROJECTED = 1;
    static final int MODEL_GEOGRAPHIC = 2;
    static final int RASTER_PIXEL_IS_AREA = 1;
    static final int RASTER_PIXEL_IS_POINT = 2;
    static final int USER_DEFINED = 32767;

    private final Map<Integer, Integer> shorts = new HashMap<>();
    private final Map<Integer, double[]> doubles = new HashMap<>();
    private final Map<Integer, String> strings = new HashMap<>();

    private GeoKeys() {
    }

    /**
     * @param directory  the GeoKeyDirectoryTag's SHORTs
     * @param params     GeoDoubleParamsTag, or an empty array
     * @param ascii      GeoAsciiParamsTag, or ""
     * @throws IllegalArgumentException naming the inconsistency when the directory is malformed
     */
    static GeoKeys parse(long[] directory, double[] params, String ascii) {
        if (directory.length < 4) {
            throw new IllegalArgumentException("GeoKeyDirectoryTag has " + directory.length + " values, fewer than its 4-value header");
        }
        if (directory[0] != 1) {
            throw new IllegalArgumentException("GeoKeyDirectoryTag version " + directory[0] + " (only 1 is defined)");
        }
        int n = (int) directory[3];
        if (4 + 4L * n > directory.length) {
            throw new IllegalArgumentException("GeoKeyDirectoryTag declares " + n + " keys but holds room for " + (directory.length - 4) / 4);
        }
        GeoKeys k = new GeoKeys();
        for (int i = 0; i < n; i++) {
            int at = 4 + 4 * i;
            int key = (int) directory[at];
            int location = (int) directory[at + 1];
            int count = (int) directory[at + 2];
            int value = (int) directory[at + 3];
            switch (location) {
                case 0 -> k.shorts.put(key, value);
                case TiffTag.GEO_DOUBLE_PARAMS -> {
                    if (value < 0 || count < 0 || value + (long) count > params.length) {
                        throw new IllegalArgumentException("GeoKey " + key + " points past GeoDoubleParamsTag (" + params.length + " values)");
                    }
                    double[] v = new double[count];
                    System.arraycopy(params, value, v, 0, count);
                    k.doubles.put(key, v);
                }
                case TiffTag.GEO_ASCII_PARAMS -> {
                    if (value < 0 || count < 0 || value + (long) count > ascii.length()) {
                        throw new IllegalArgumentException("GeoKey " + key + " points past GeoAsciiParamsTag (" + ascii.length() + " characters)");
                    }
                    // GeoTIFF ends each string with '|' in place of its NUL.
                    String s = ascii.substring(value, value + count);
                    k.strings.put(key, s.endsWith("|") ? s.substring(0, s.length() - 1) : s);
                }
                case TiffTag.GEO_KEY_DIRECTORY -> {
                    if (value < 0 || value >= directory.length) {
                        throw new IllegalArgumentException("GeoKey " + key + " points past the GeoKeyDirectoryTag");
                    }
                    k.shorts.put(key, (int) directory[value]);
                }
                default -> {
                    // A key stored in an unknown tag: keep going, as GeoTIFF readers must.
                }
            }
        }
        return k;
    }

    Optional<Integer> shortValue(int key) {
        return Optional.ofNullable(shorts.get(key));
    }

    Optional<String> ascii(int key) {
        return Optional.ofNullable(strings.get(key));
    }

    Optional<double[]> doubles(int key) {
        return Optional.ofNullable(doubles.get(key));
    }
}
