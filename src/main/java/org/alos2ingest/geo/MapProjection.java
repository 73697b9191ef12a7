package org.alos2ingest.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.io.Proj4FileReader;

/**
 * A map projection of ALOS-2 products, identified by its EPSG code (UTM north 326zz, UTM south
 * 327zz, UPS north 32661, UPS south 32761, geographic 4326), with transforms to and from WGS84 taken
 * from proj4j, a port of PROJ. Not thread-safe: make one per thread.
 */
public final class MapProjection {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    /**
     * PROJ parameters by EPSG code. proj4j's {@code createFromName} scans its whole EPSG file for each
     * name (15-20 ms), and an ingest makes a projection per renderer thread and polarisation.
     */
    private static final Map<Integer, String[]> PARAMETERS = new ConcurrentHashMap<>();

    private final int epsg;
    private final CoordinateTransform toMap;
    private final CoordinateTransform toGeo;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private MapProjection(int epsg) {
        this.epsg = epsg;
        CoordinateReferenceSystem wgs84 = crs(4326);
        CoordinateReferenceSystem map = crs(epsg);
        this.toMap = TRANSFORMS.createTransform(wgs84, map);
        this.toGeo = TRANSFORMS.createTransform(map, wgs84);
    }

    private static CoordinateReferenceSystem crs(int code) {
        String[] parameters = PARAMETERS.computeIfAbsent(code, c -> new Proj4FileReader().getParameters("EPSG:" + c));
        if (parameters == null) {
            throw new IllegalArgumentException("EPSG:" + code + " is not in proj4j's EPSG file");
        }
        // a new system each time, its projection not shared between threads
        return CRS.createFromParameters("EPSG:" + code, parameters.clone());
    }

    public static MapProjection epsg(int code) {
        if (!isSupported(code)) {
            throw new IllegalArgumentException("EPSG:" + code + " is not a projection ALOS-2 products use "
                    + "(UTM 32601-32660/32701-32760, UPS 32661/32761, or 4326)");
        }
        return new MapProjection(code);
    }

    public static boolean isSupported(int code) {
        return code == 4326 || code >= 32601 && code <= 32661 || code >= 32701 && code <= 32761;
    }

    public static MapProjection utm(int zone, boolean south) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone " + zone + " is not 1..60");
        }
        return new MapProjection((south ? 32700 : 32600) + zone);
    }

    /** Universal Polar Stereographic, north or south. */
    public static MapProjection ups(boolean north) {
        return new MapProjection(north ? 32661 : 32761);
    }

    public static int utmZoneOf(double lon) {
        return Math.min(60, Math.max(1, (int) Math.floor((lon + 180) / 6) + 1));
    }

    public int epsg() {
        return epsg;
    }

    public boolean isGeographic() {
        return epsg == 4326;
    }

    /** WGS84 lon/lat to map x/y (metres; degrees for geographic). */
    public double[] forward(double lon, double lat) {
        if (isGeographic()) {
            return new double[] {lon, lat};
        }
        in.x = lon;
        in.y = lat;
        toMap.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** Map x/y to WGS84 lon/lat. */
    public LonLat inverse(double x, double y) {
        if (isGeographic()) {
            return new LonLat(x, y);
        }
        in.x = x;
        in.y = y;
        toGeo.transform(in, out);
        return new LonLat(out.x, out.y);
    }

    /** In-place inverse of many points (xy interleaved), for tile grids. */
    public void inverse(double[] xy) {
        for (int i = 0; i < xy.length; i += 2) {
            LonLat ll = inverse(xy[i], xy[i + 1]);
            xy[i] = ll.lon();
            xy[i + 1] = ll.lat();
        }
    }

    @Override
    public String toString() {
        return "EPSG:" + epsg;
    }
}
