package org.alos2ingest.sample;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.MapProjection;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.identify.ProductId;
import org.alos2ingest.identify.ProductName;
import org.alos2ingest.identify.SceneId;

/**
 * What a generated GeoTIFF product looks like: its name, raster grid (size, spacing, projection,
 * origin) and the swath quadrilateral of valid data inside it (the rest of the raster is DN 0), as
 * JAXA's Level 1.5/2.1 products are laid out (alos2-formats.md 2.4 and 5).
 *
 * @param quad       the swath's four vertices in map coordinates, in ring order: (early, near),
 *                   (early, far), (late, far), (late, near)
 * @param holes      number of no-data holes (lakes, radar shadow) to cut into the swath
 * @param raggedPx   how far, in pixels, the swath edges wander row by row (0 for straight edges)
 */
public record SampleSpec(ProductName name, int width, int height, double pixelSpacing, int epsg, double originX, double originY,
                         List<double[]> quad, LocalDateTime centreTime, double durationSeconds, List<String> polarisations,
                         double offNadir, String order, long seed, int holes, int raggedPx) {

    public SampleSpec {
        quad = List.copyOf(quad);
        polarisations = List.copyOf(polarisations);
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("a sample needs at least 16 x 16 pixels");
        }
    }

    /** The two real products whose summaries are in the fixtures, at their real sizes. */
    public static SampleSpec preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fbd", "fbd-l15", "alos2146686640-170209" -> fromCorners(
                    ProductName.parse("ALOS2146686640-170209-FBDR1.5GUA"), 14060, 13684, 6.25, MapProjection.utm(19, true),
                    new LonLat(-70.660, -26.770),
                    // Img_ImageScene corners LT, RT, RB, LB of the fixture's summary.txt
                    List.of(new LonLat(-70.663, -26.935), new LonLat(-69.947, -26.776), new LonLat(-69.781, -27.384), new LonLat(-70.501, -27.543)),
                    LocalDateTime.of(2017, 2, 9, 5, 11, 3, 457_000_000), 10, List.of("HH", "HV"), 28.6, "0000148073");
            case "ubs", "ubs-l15", "alos2337294000-200821" -> fromCorners(
                    ProductName.parse("ALOS2337294000-200821-UBSL1.5GUD"), 27964, 31459, 2.5, MapProjection.utm(40, true),
                    new LonLat(57.346, -20.218),
                    List.of(new LonLat(57.477, -20.217), new LonLat(58.016, -20.315), new LonLat(57.890, -20.926), new LonLat(57.348, -20.829)),
                    LocalDateTime.of(2020, 8, 21, 8, 10, 56, 491_000_000), 10, List.of("HH"), 28.8, "0000306088");
            default -> throw new IllegalArgumentException("unknown preset '" + name + "' (fbd or ubs)");
        };
    }

    /**
     * A product of any mode, level and place: the swath is a rectangle of the mode's width and
     * length centred on {@code centre}, along the ground track of ALOS-2's sun-synchronous orbit
     * (97.9 degrees inclination, with the Earth turning beneath it).
     */
    public static SampleSpec generic(ObservationMode mode, ProcessingLevel level, char lookSide, OrbitDirection direction,
                                     char projection, LonLat centre, LocalDateTime centreTime, int orbit, int frame) {
        if (!level.isGeoTiffCapable()) {
            throw new IllegalArgumentException("GeoTIFF samples are Level 1.5 or 2.1, not " + level.code());
        }
        MapProjection proj = switch (projection) {
            case 'U' -> MapProjection.utm(MapProjection.utmZoneOf(centre.lon()), centre.lat() < 0);
            case 'P' -> MapProjection.ups(centre.lat() >= 0);
            default -> throw new IllegalArgumentException("projection must be U (UTM) or P (polar stereographic)");
        };
        ProductName name = new ProductName(new SceneId(orbit, frame, centreTime.toLocalDate()),
                ProductId.parse(mode.name() + lookSide + level.code() + "G" + projection + direction.code()));
        double swath = switch (mode) {
            case SBS -> 25_000;
            case UBS, UBD, HBS, HBD -> 50_000;
            case HBQ -> 45_000;
            case FBS, FBD -> 70_000;
            case FBQ -> 30_000;
            case WBS, WBD, WWS, WWD -> 350_000;
            case VBS, VBD -> 490_000;
        };
        double length = mode == ObservationMode.SBS ? 25_000 : mode.isScanSar() ? 355_000 : 70_000;
        double spacing = switch (mode) {
            case SBS -> 0.625;
            case UBS, UBD -> 2.5;
            case HBS, HBD, HBQ -> 3.125;
            case FBS, FBD, FBQ -> 6.25;
            default -> 25;
        };
        double duration = mode.isScanSar() ? 52 : mode == ObservationMode.SBS ? 5 : 10;
        // Ground-track heading: orbital azimuth from the inclination, then the Earth's rotation.
        double lat = Math.toRadians(centre.lat());
        double sinAz = Math.cos(Math.toRadians(97.9)) / Math.cos(lat);
        double az = Math.asin(Math.max(-1, Math.min(1, sinAz)));
        if (direction == OrbitDirection.DESCENDING) {
            az = Math.PI - az;
        }
        double vGround = 6.9;
        double vx = vGround * Math.sin(az) - 0.465 * Math.cos(lat);
        double vy = vGround * Math.cos(az);
        double heading = Math.atan2(vx, vy);
        double[] c = proj.forward(centre.lon(), centre.lat());
        double ax = Math.sin(heading);
        double ay = Math.cos(heading);
        // Right-looking: far range lies to the right of the flight direction.
        double side = lookSide == 'R' ? 1 : -1;
        double rx = ay * side;
        double ry = -ax * side;
        List<double[]> quad = new ArrayList<>();
        quad.add(new double[] {c[0] - ax * length / 2 - rx * swath / 2, c[1] - ay * length / 2 - ry * swath / 2});
        quad.add(new double[] {c[0] - ax * length / 2 + rx * swath / 2, c[1] - ay * length / 2 + ry * swath / 2});
        quad.add(new double[] {c[0] + ax * length / 2 + rx * swath / 2, c[1] + ay * length / 2 + ry * swath / 2});
        quad.add(new double[] {c[0] + ax * length / 2 - rx * swath / 2, c[1] + ay * length / 2 - ry * swath / 2});
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] q : quad) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double margin = 0.01 * Math.max(maxX - minX, maxY - minY);
        double originX = Math.floor((minX - margin) / spacing) * spacing;
        double originY = Math.ceil((maxY + margin) / spacing) * spacing;
        int width = (int) Math.ceil((maxX + margin - originX) / spacing);
        int height = (int) Math.ceil((originY - (minY - margin)) / spacing);
        List<String> pols = switch (mode.polarisations()) {
            case 1 -> List.of("HH");
            case 2 -> List.of("HH", "HV");
            default -> List.of("HH", "HV", "VH", "VV");
        };
        return new SampleSpec(name, width, height, spacing, proj.epsg(), originX, originY, quad, centreTime, duration, pols,
                mode.isScanSar() ? 32.5 : 30.0, "0000000001", name.text().hashCode(), 0, 0);
    }

    private static SampleSpec fromCorners(ProductName name, int width, int height, double spacing, MapProjection proj, LonLat frameTopLeft,
                                          List<LonLat> ltRtRbLb, LocalDateTime centre, double duration, List<String> pols, double offNadir,
                                          String order) {
        double[] tl = proj.forward(frameTopLeft.lon(), frameTopLeft.lat());
        double originX = Math.round(tl[0] / spacing) * spacing;
        double originY = Math.round(tl[1] / spacing) * spacing;
        List<double[]> quad = new ArrayList<>();
        for (LonLat ll : ltRtRbLb) {
            quad.add(proj.forward(ll.lon(), ll.lat()));
        }
        return new SampleSpec(name, width, height, spacing, proj.epsg(), originX, originY, quad, centre, duration, pols, offNadir,
                order, name.text().hashCode(), 0, 0);
    }

    /** The same ground area at a different raster width (pixel spacing scaled to match). */
    public SampleSpec withWidth(int newWidth) {
        double f = width / (double) newWidth;
        int newHeight = Math.max(16, (int) Math.round(height / f));
        return new SampleSpec(name, newWidth, newHeight, pixelSpacing * f, epsg, originX, originY, quad, centreTime, durationSeconds,
                polarisations, offNadir, order, seed, holes, raggedPx);
    }

    public SampleSpec withDefects(int holeCount, int ragged) {
        return new SampleSpec(name, width, height, pixelSpacing, epsg, originX, originY, quad, centreTime, durationSeconds,
                polarisations, offNadir, order, seed, holeCount, ragged);
    }

    public SampleSpec withName(ProductName newName) {
        return new SampleSpec(newName, width, height, pixelSpacing, epsg, originX, originY, quad, centreTime, durationSeconds,
                polarisations, offNadir, order, newName.text().hashCode(), holes, raggedPx);
    }

    public SampleSpec withPolarisations(List<String> pols) {
        return new SampleSpec(name, width, height, pixelSpacing, epsg, originX, originY, quad, centreTime, durationSeconds,
                pols, offNadir, order, seed, holes, raggedPx);
    }

    /** The delivery zip's name, as JAXA names it: {@code <order>_<item>_<scene>.zip}. */
    public String deliveryName() {
        return order + "_001001_" + name.scene().text() + ".zip";
    }
}
