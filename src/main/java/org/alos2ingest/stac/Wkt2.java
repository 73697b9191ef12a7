package org.alos2ingest.stac;

import java.util.Locale;
import java.util.Optional;

/**
 * OGC WKT2 (ISO 19162:2019) of the coordinate systems ALOS-2 map products use: WGS 84 geographic,
 * UTM north and south, and UPS north and south; as PROJ writes them for these EPSG codes. STAC's
 * projection v2.0.0 names a CRS by {@code proj:code}, which GDAL 3.6 (Debian 12) does not read yet:
 * it reads {@code proj:wkt2}.
 */
public final class Wkt2 {

    private static final String DEGREE = "ANGLEUNIT[\"degree\",0.0174532925199433]";
    private static final String METRE = "LENGTHUNIT[\"metre\",1]";
    private static final String WGS84 = "BASEGEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS 84\",6378137,298.257223563,"
            + METRE + "]],PRIMEM[\"Greenwich\",0," + DEGREE + "],ID[\"EPSG\",4326]]";

    private Wkt2() {
    }

    public static Optional<String> ofEpsg(int epsg) {
        if (epsg == 4326) {
            return Optional.of("GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS 84\",6378137,298.257223563," + METRE
                    + "]],PRIMEM[\"Greenwich\",0," + DEGREE + "],CS[ellipsoidal,2],AXIS[\"geodetic latitude (Lat)\",north,ORDER[1]," + DEGREE
                    + "],AXIS[\"geodetic longitude (Lon)\",east,ORDER[2]," + DEGREE + "],ID[\"EPSG\",4326]]");
        }
        if (epsg > 32600 && epsg <= 32660 || epsg > 32700 && epsg <= 32760) {
            return Optional.of(utm(epsg % 100, epsg > 32700, epsg));
        }
        if (epsg == 32661 || epsg == 32761) {
            return Optional.of(ups(epsg == 32661));
        }
        return Optional.empty();
    }

    private static String utm(int zone, boolean south, int epsg) {
        String name = "UTM zone " + zone + (south ? "S" : "N");
        return "PROJCRS[\"WGS 84 / " + name + "\"," + WGS84 + ",CONVERSION[\"" + name + "\",METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]],"
                + parameter("Latitude of natural origin", 0, DEGREE, 8801)
                + parameter("Longitude of natural origin", 6 * zone - 183, DEGREE, 8802)
                + parameter("Scale factor at natural origin", 0.9996, "SCALEUNIT[\"unity\",1]", 8805)
                + parameter("False easting", 500000, METRE, 8806)
                + parameter("False northing", south ? 10000000 : 0, METRE, 8807).replaceFirst(",$", "")
                + "],CS[Cartesian,2],AXIS[\"(E)\",east,ORDER[1]," + METRE + "],AXIS[\"(N)\",north,ORDER[2]," + METRE + "],ID[\"EPSG\"," + epsg + "]]";
    }

    private static String ups(boolean north) {
        String name = north ? "UPS North (N,E)" : "UPS South (N,E)";
        String towards = north ? "south" : "north";
        return "PROJCRS[\"WGS 84 / " + name + "\"," + WGS84 + ",CONVERSION[\"" + (north ? "Universal Polar Stereographic North" : "Universal Polar Stereographic South")
                + "\",METHOD[\"Polar Stereographic (variant A)\",ID[\"EPSG\",9810]],"
                + parameter("Latitude of natural origin", north ? 90 : -90, DEGREE, 8801)
                + parameter("Longitude of natural origin", 0, DEGREE, 8802)
                + parameter("Scale factor at natural origin", 0.994, "SCALEUNIT[\"unity\",1]", 8805)
                + parameter("False easting", 2000000, METRE, 8806)
                + parameter("False northing", 2000000, METRE, 8807).replaceFirst(",$", "")
                + "],CS[Cartesian,2],AXIS[\"northing (N)\"," + towards + ",MERIDIAN[" + (north ? 180 : 0) + "," + DEGREE + "],ORDER[1]," + METRE
                + "],AXIS[\"easting (E)\"," + towards + ",MERIDIAN[90," + DEGREE + "],ORDER[2]," + METRE + "],ID[\"EPSG\"," + (north ? 32661 : 32761) + "]]";
    }

    private static String parameter(String name, double value, String unit, int id) {
        String v = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
        return "PARAMETER[\"" + name + "\"," + v + "," + unit + ",ID[\"EPSG\"," + id + "]],";
    }
}
