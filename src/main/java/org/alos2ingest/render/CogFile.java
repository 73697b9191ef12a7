package org.alos2ingest.render;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * A Cloud-Optimized GeoTIFF written for one polarisation, as met.json lists it ({@code cog_files})
 * and the STAC item describes it.
 *
 * @param file         its name in the product folder
 * @param polarisation HH, HV, VH or VV
 * @param kind         what its samples are
 * @param bytes        its size
 * @param overviews    reduced-resolution levels it holds
 */
public record CogFile(String file, String polarisation, Kind kind, long bytes, int overviews) {

    /** What the samples are, with the raster facts STAC's raster extension states. */
    public enum Kind {
        /** JAXA's DN, every pixel as delivered; overviews are root mean squares (power averages). */
        AMPLITUDE("uint16", "0", "DN"),
        /** sigma-nought, dB; overviews are power averages converted to dB. */
        SIGMA0("float32", "nan", "dB");

        private final String dataType;
        private final String nodata;
        private final String unit;

        Kind(String dataType, String nodata, String unit) {
            this.dataType = dataType;
            this.nodata = nodata;
            this.unit = unit;
        }

        /** STAC raster:bands data_type. */
        public String dataType() {
            return dataType;
        }

        /** The no-data value, as GDAL_NODATA writes it. */
        public String nodata() {
            return nodata;
        }

        public String unit() {
            return unit;
        }

        /** "amplitude" or "sigma0": the STAC asset role and met.json kind. */
        public String role() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofRole(String role) {
            return valueOf(role.toUpperCase(Locale.ROOT));
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("file", file);
        o.put("polarization", polarisation);
        o.put("kind", kind.role());
        o.put("data_type", kind.dataType());
        o.put("nodata", kind.nodata());
        o.put("unit", kind.unit());
        o.put("bytes", bytes);
        o.put("overviews", overviews);
        return o;
    }
}
