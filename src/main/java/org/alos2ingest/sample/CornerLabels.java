package org.alos2ingest.sample;

import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.geo.LonLat;

/**
 * JAXA labels the swath's corners by where they sit in the north-up image (alos2-formats.md 2.4):
 * for a swath tilted by the orbit's heading, LeftTop is the westmost vertex, RightTop the
 * northmost, and so on. This picks the labelling of a ring's vertices that puts each nearest to its
 * corner of the bounding box.
 */
public final class CornerLabels {
    private CornerLabels() {
    }

    /** @param ring four vertices in ring order (either orientation) @return them as LT, RT, RB, LB */
    public static List<LonLat> ltRtRbLb(List<LonLat> ring) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double ref = ring.get(0).lon();
        List<double[]> v = new ArrayList<>();
        for (LonLat p : ring) {
            double lon = p.lon();
            while (lon - ref > 180) {
                lon -= 360;
            }
            while (lon - ref < -180) {
                lon += 360;
            }
            v.add(new double[] {lon, p.lat()});
            minX = Math.min(minX, lon);
            maxX = Math.max(maxX, lon);
            minY = Math.min(minY, p.lat());
            maxY = Math.max(maxY, p.lat());
        }
        double[][] boxCorners = {{minX, maxY}, {maxX, maxY}, {maxX, minY}, {minX, minY}};
        // Clockwise order of LT, RT, RB, LB: try both ring directions and every rotation.
        List<double[]> best = null;
        double bestCost = Double.MAX_VALUE;
        for (int dir = 0; dir < 2; dir++) {
            for (int rot = 0; rot < 4; rot++) {
                List<double[]> cand = new ArrayList<>();
                double cost = 0;
                for (int i = 0; i < 4; i++) {
                    int k = dir == 0 ? (rot + i) % 4 : (rot - i + 8) % 4;
                    double[] p = v.get(k);
                    cand.add(p);
                    cost += Math.hypot(p[0] - boxCorners[i][0], p[1] - boxCorners[i][1]);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = cand;
                }
            }
        }
        List<LonLat> out = new ArrayList<>();
        for (double[] p : best) {
            double lon = p[0] > 180 ? p[0] - 360 : p[0] < -180 ? p[0] + 360 : p[0];
            out.add(new LonLat(lon, p[1]));
        }
        return out;
    }
}
