package org.alos2ingest.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.identify.SummaryFile;

/**
 * The corner coordinates summary.txt gives: {@code Img_ImageScene*} for the valid data,
 * {@code Img_FrameScene*} for the raster (alos2-formats.md 2.4), read in the order
 * LeftTop, RightTop, RightBottom, LeftBottom.
 */
public final class SummaryCorners {

    private static final String[] CORNERS = {"LeftTop", "RightTop", "RightBottom", "LeftBottom"};

    private SummaryCorners() {
    }

    /** Corners of the valid data, when all eight values are present. */
    public static Optional<List<LonLat>> imageScene(SummaryFile s) {
        return read(s, "Img_ImageScene");
    }

    /** Corners of the raster frame, when all eight values are present. */
    public static Optional<List<LonLat>> frameScene(SummaryFile s) {
        return read(s, "Img_FrameScene");
    }

    private static Optional<List<LonLat>> read(SummaryFile s, String prefix) {
        List<LonLat> out = new ArrayList<>();
        for (String c : CORNERS) {
            Optional<Double> lat = s.getDouble(prefix + c + "Latitude");
            Optional<Double> lon = s.getDouble(prefix + c + "Longitude");
            if (lat.isEmpty() || lon.isEmpty()) {
                return Optional.empty();
            }
            try {
                out.add(new LonLat(lon.get(), lat.get()));
            } catch (IllegalArgumentException e) {
                throw new DescribeException(s.file(), prefix + c + ": " + e.getMessage());
            }
        }
        return Optional.of(out);
    }
}
