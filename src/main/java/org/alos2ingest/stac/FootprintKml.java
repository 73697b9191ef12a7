package org.alos2ingest.stac;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.geo.Footprint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** A dataset's footprint as KML 2.2, for Google Earth and QGIS: one placemark, one polygon per part. */
final class FootprintKml {

    private FootprintKml() {
    }

    static String of(JsonNode doc) {
        String id = xml(doc.path("id").asText());
        Geometry g = Footprint.GeoJson.read(doc.path("location"));
        StringBuilder k = new StringBuilder();
        k.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Placemark>\n")
                .append("  <name>").append(id).append("</name>\n")
                .append("  <description>").append(xml(doc.path("starttime").asText())).append(" to ")
                .append(xml(doc.path("endtime").asText())).append("</description>\n  <MultiGeometry>\n");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            k.append("    <Polygon><outerBoundaryIs><LinearRing><coordinates>");
            for (Coordinate c : p.getExteriorRing().getCoordinates()) {
                k.append(String.format(Locale.ROOT, "%.7f,%.7f ", c.x, c.y));
            }
            k.setLength(k.length() - 1);
            k.append("</coordinates></LinearRing></outerBoundaryIs></Polygon>\n");
        }
        return k.append("  </MultiGeometry>\n</Placemark>\n</kml>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
