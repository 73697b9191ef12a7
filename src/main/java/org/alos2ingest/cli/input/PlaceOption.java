package org.alos2ingest.cli.input;

import org.alos2ingest.geo.LonLat;
import picocli.CommandLine;

/** A place as {@code LAT,LON} in degrees, latitude first as people say it. */
public final class PlaceOption implements CommandLine.ITypeConverter<LonLat> {
    @Override
    public LonLat convert(String text) {
        String[] p = text.split(",", -1);
        if (p.length != 2) {
            throw wrong(text, "expected 2 numbers latitude,longitude in degrees, got " + p.length);
        }
        double lat = number(text, "latitude", p[0], 90);
        double lon = number(text, "longitude", p[1], 180);
        return new LonLat(lon, lat);
    }

    private static double number(String text, String which, String part, double limit) {
        double v = Decimal.of(part);
        if (Double.isNaN(v)) {
            throw wrong(text, which + " '" + part.strip() + "' is not a number");
        }
        if (Math.abs(v) > limit) {
            throw wrong(text, which + " " + part.strip() + " is not from -" + (int) limit + " to " + (int) limit);
        }
        return v;
    }

    private static CommandLine.TypeConversionException wrong(String text, String why) {
        return new CommandLine.TypeConversionException(text + " is not a place: " + why);
    }
}
