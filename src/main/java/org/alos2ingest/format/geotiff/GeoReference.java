package org.alos2ingest.format.geotiff;

import org.alos2ingest.geo.MapProjection;

/**
 * Where a GeoTIFF's pixels lie: the EPSG code of its coordinate system and the raster-to-map
 * transform, read from the GeoTIFF 1.1 tags (OGC 19-008r4): ModelPixelScale with one ModelTiepoint,
 * or ModelTransformation; GeoKeys naming an EPSG projected system (UTM, UPS) or WGS84 geographic.
 */
record GeoReference(int epsg, GeoTransform transform) {

    /** Reads the georeferencing of an image of the given size; IllegalArgumentException says what is missing or unsupported. */
    static GeoReference read(TiffDirectory d, int width, int height) {
        long[] dir = d.integers(TiffTag.GEO_KEY_DIRECTORY).orElseThrow(() ->
                new IllegalArgumentException("no GeoKeyDirectoryTag: a plain TIFF, not a GeoTIFF"));
        GeoKeys keys = GeoKeys.parse(dir, d.reals(TiffTag.GEO_DOUBLE_PARAMS).orElse(new double[0]),
                d.ascii(TiffTag.GEO_ASCII_PARAMS).orElse(""));
        int epsg = epsg(keys);
        GeoTransform t = transform(d);
        if (keys.shortValue(GeoKeys.RASTER_TYPE).orElse(GeoKeys.RASTER_PIXEL_IS_AREA) == GeoKeys.RASTER_PIXEL_IS_POINT) {
            // PixelIsPoint: raster coordinates name pixel centres; move to the area convention used here (GDAL does the same).
            t = new GeoTransform(t.x(-0.5, -0.5), t.xPerColumn(), t.xPerRow(), t.y(-0.5, -0.5), t.yPerColumn(), t.yPerRow());
        }
        return new GeoReference(epsg, t);
    }

    private static int epsg(GeoKeys keys) {
        int model = keys.shortValue(GeoKeys.MODEL_TYPE).orElseThrow(() -> new IllegalArgumentException("GeoKeys lack GTModelTypeGeoKey"));
        if (model == GeoKeys.MODEL_PROJECTED) {
            int units = keys.shortValue(GeoKeys.PROJ_LINEAR_UNITS).orElse(9001);
            if (units != 9001) {
                throw new IllegalArgumentException("ProjLinearUnitsGeoKey is " + units + "; ALOS-2 map projections are in metres (9001)");
            }
            int pcs = keys.shortValue(GeoKeys.PROJECTED_CS_TYPE).orElse(GeoKeys.USER_DEFINED);
            if (pcs == GeoKeys.USER_DEFINED) {
                // A user-defined system that is still plain UTM on WGS84: ProjectionGeoKey 16001-16060 (north) / 16101-16160 (south).
                int projection = keys.shortValue(GeoKeys.PROJECTION).orElse(GeoKeys.USER_DEFINED);
                int geographic = keys.shortValue(GeoKeys.GEOGRAPHIC_TYPE).orElse(4326);
                if (geographic == 4326 && projection > 16000 && projection <= 16060) {
                    return 32600 + projection - 16000;
                }
                if (geographic == 4326 && projection > 16100 && projection <= 16160) {
                    return 32700 + projection - 16100;
                }
                throw new IllegalArgumentException("user-defined projected system (ProjectionGeoKey " + projection
                        + ") is not supported; expected EPSG UTM (326zz/327zz) or UPS (32661/32761)");
            }
            if (!MapProjection.isSupported(pcs) || pcs == 4326) {
                throw new IllegalArgumentException("ProjectedCSTypeGeoKey EPSG:" + pcs + " is not supported; expected UTM 32601-32660/32701-32760 or UPS 32661/32761");
            }
            return pcs;
        }
        if (model == GeoKeys.MODEL_GEOGRAPHIC) {
            int gcs = keys.shortValue(GeoKeys.GEOGRAPHIC_TYPE).orElse(GeoKeys.USER_DEFINED);
            if (gcs != 4326) {
                throw new IllegalArgumentException("GeographicTypeGeoKey " + gcs + " is not supported; expected 4326 (WGS84)");
            }
            int angular = keys.shortValue(GeoKeys.GEOG_ANGULAR_UNITS).orElse(9102);
            if (angular != 9102) {
                throw new IllegalArgumentException("GeogAngularUnitsGeoKey is " + angular + "; expected degrees (9102)");
            }
            return 4326;
        }
        throw new IllegalArgumentException("GTModelTypeGeoKey is " + model + " (" + (model == 3 ? "geocentric" : "unknown")
                + "); expected 1 (projected) or 2 (geographic)");
    }

    private static GeoTransform transform(TiffDirectory d) {
        double[] m = d.reals(TiffTag.MODEL_TRANSFORMATION).orElse(null);
        if (m != null) {
            if (m.length < 16) {
                throw new IllegalArgumentException("ModelTransformationTag has " + m.length + " values, expected 16");
            }
            return new GeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
        }
        double[] scale = d.reals(TiffTag.MODEL_PIXEL_SCALE).orElse(null);
        double[] tie = d.reals(TiffTag.MODEL_TIEPOINT).orElse(null);
        if (tie == null || tie.length < 6) {
            throw new IllegalArgumentException("no ModelTiepointTag or ModelTransformationTag: the image is not georeferenced");
        }
        if (scale == null) {
            throw new IllegalArgumentException("georeferenced by " + tie.length / 6 + " tie points without ModelPixelScaleTag "
                    + "(not map-projected); only map-projected images can be rendered");
        }
        if (scale.length < 2 || scale[0] == 0 || scale[1] == 0) {
            throw new IllegalArgumentException("ModelPixelScaleTag has no usable x and y scale");
        }
        // A positive ScaleY means y decreases down the rows (OGC 19-008r4, requirement 10.4).
        double i = tie[0];
        double j = tie[1];
        double x = tie[3];
        double y = tie[4];
        return new GeoTransform(x - i * scale[0], scale[0], 0, y + j * scale[1], 0, -scale[1]);
    }
}
