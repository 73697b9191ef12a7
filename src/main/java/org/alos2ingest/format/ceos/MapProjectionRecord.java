package org.alos2ingest.format.ceos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The map projection record of the SAR leader (1620 bytes; Level 1.5 and higher only,
 * alos2-formats.md 3.2.3): output grid, projection, frame corners and the pixel/geographic
 * conversion coefficients.
 */
public final class MapProjectionRecord {

    public static final Field PROJECTION_TYPE = Field.text("map_projection_type", 29, 32);
    public static final Field PIXELS = Field.integer("number_of_pixels_per_line", 61, 16);
    public static final Field LINES = Field.integer("number_of_lines", 77, 16);
    public static final Field LINE_DISTANCE = Field.real("inter_line_distance_in_output_scene_m", 93, 16, "F16.7");
    public static final Field PIXEL_DISTANCE = Field.real("inter_pixel_distance_in_output_scene_m", 109, 16, "F16.7");
    public static final Field AXIS_ANGLE = Field.real("angle_between_projection_axis_and_true_north", 125, 16, "F16.7");
    public static final Field INCLINATION = Field.real("actual_platform_orbital_inclination", 141, 16, "F16.7");
    public static final Field ASCENDING_NODE = Field.real("actual_ascending_node", 157, 16, "F16.7");
    public static final Field GEOCENTRE_DISTANCE = Field.real("distance_of_platform_from_geocenter_m", 173, 16, "F16.7");
    public static final Field ALTITUDE = Field.real("geodetic_altitude_of_the_platform_m", 189, 16, "F16.7");
    public static final Field GROUND_SPEED = Field.real("actual_ground_speed_at_nadir_m_s", 205, 16, "F16.7");
    public static final Field PLATFORM_HEADING = Field.real("platform_heading", 221, 16, "F16.7");
    public static final Field ELLIPSOID = Field.text("reference_ellipsoid", 237, 32);
    public static final Field SEMIMAJOR = Field.real("semimajor_axis_m", 269, 16, "F16.7");
    public static final Field SEMIMINOR = Field.real("semiminor_axis_m", 285, 16, "F16.7");
    public static final Field DESIGNATOR = Field.text("map_projection_designator", 413, 32);
    public static final Field UTM_TYPE = Field.text("utm_projection_type", 445, 32);
    public static final Field UTM_ZONE = Field.text("utm_zone_number", 477, 4);
    public static final Field FALSE_EASTING = Field.real("utm_false_easting_m", 481, 16, "F16.5");
    public static final Field FALSE_NORTHING = Field.real("utm_false_northing_m", 497, 16, "F16.5");
    public static final Field UTM_CENTRE_LONGITUDE = Field.real("utm_center_of_projection_longitude", 513, 16, "F16.7");
    public static final Field UTM_CENTRE_LATITUDE = Field.real("utm_center_of_projection_latitude", 529, 16, "F16.7");
    public static final Field UTM_SCALE = Field.real("utm_scale_factor", 577, 16, "F16.7");
    public static final Field UPS_TYPE = Field.text("ups_projection_type", 593, 32);
    public static final Field UPS_CENTRE_LONGITUDE = Field.real("ups_center_of_projection_longitude", 625, 16, "F16.7");
    public static final Field UPS_CENTRE_LATITUDE = Field.real("ups_center_of_projection_latitude", 641, 16, "F16.7");
    public static final Field UPS_SCALE = Field.real("ups_scale_factor", 657, 16, "F16.7");
    /** Projected corners TL, TR, BR, BL as (northing, easting) pairs, km. */
    public static final Field PROJECTED_CORNERS = Field.real("corner_points_projected_northing_easting_km", 945, 16, "F16.7").times(8, 16);
    /** Geographic corners TL, TR, BR, BL as (latitude, longitude) pairs, degrees. */
    public static final Field GEOGRAPHIC_CORNERS = Field.real("corner_points_geographic_latitude_longitude", 1073, 16, "F16.7").times(8, 16);
    public static final Field CORNER_HEIGHTS = Field.real("corner_points_terrain_heights", 1201, 16, "F16.7").times(4, 16);
    /** A11..A14, A21..A24: (line, pixel) 1-based to (longitude, latitude) degrees (alos2-formats.md 3.2.3). */
    public static final Field PIXEL_TO_MAP = Field.real("conversion_coefficients_pixels_to_map_a", 1265, 20, "E20.10").times(8, 20);
    public static final Field MAP_TO_PIXEL = Field.real("conversion_coefficients_map_to_pixels_b", 1425, 20, "E20.10").times(8, 20);

    public static final RecordLayout LAYOUT = RecordLayout.of("map projection", RecordCode.MAP_PROJECTION, PROJECTION_TYPE, PIXELS,
            LINES, LINE_DISTANCE, PIXEL_DISTANCE, AXIS_ANGLE, INCLINATION, ASCENDING_NODE, GEOCENTRE_DISTANCE, ALTITUDE, GROUND_SPEED,
            PLATFORM_HEADING, ELLIPSOID, SEMIMAJOR, SEMIMINOR, DESIGNATOR, UTM_TYPE, UTM_ZONE, FALSE_EASTING, FALSE_NORTHING,
            UTM_CENTRE_LONGITUDE, UTM_CENTRE_LATITUDE, UTM_SCALE, UPS_TYPE, UPS_CENTRE_LONGITUDE, UPS_CENTRE_LATITUDE, UPS_SCALE,
            PROJECTED_CORNERS, GEOGRAPHIC_CORNERS, CORNER_HEIGHTS, PIXEL_TO_MAP, MAP_TO_PIXEL);

    private final CeosRecord record;

    public MapProjectionRecord(CeosRecord record) {
        this.record = record;
    }

    public CeosRecord record() {
        return record;
    }

    /** The raster's corners TL, TR, BR, BL as {lat, lon}; empty when any is blank. */
    public Optional<List<double[]>> geographicCorners() {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Optional<Double> lat = record.real(GEOGRAPHIC_CORNERS, 2 * i);
            Optional<Double> lon = record.real(GEOGRAPHIC_CORNERS, 2 * i + 1);
            if (lat.isEmpty() || lon.isEmpty()) {
                return Optional.empty();
            }
            out.add(new double[] {lat.get(), lon.get()});
        }
        return Optional.of(out);
    }

    /**
     * (longitude, latitude) of a 1-based (line, pixel) from the A coefficients:
     * lon = A11 + A12 L + A13 P + A14 L P, lat = A21 + A22 L + A23 P + A24 L P (verified on the fixture).
     */
    public Optional<double[]> pixelToGeographic(double line, double pixel) {
        double[] a = new double[8];
        for (int i = 0; i < 8; i++) {
            Optional<Double> v = record.real(PIXEL_TO_MAP, i);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            a[i] = v.get();
        }
        double lon = a[0] + a[1] * line + a[2] * pixel + a[3] * line * pixel;
        double lat = a[4] + a[5] * line + a[6] * pixel + a[7] * line * pixel;
        if (a[0] == 0 && a[4] == 0 || Math.abs(lat) > 90 || Math.abs(lon) > 360) {
            return Optional.empty();
        }
        return Optional.of(new double[] {lon, lat});
    }
}
