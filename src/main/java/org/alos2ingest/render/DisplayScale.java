package org.alos2ingest.render;

/**
 * How amplitude DNs become display values: DN 1..{@code maxDn} map linearly onto 1..255 (brighter
 * DNs saturate at 255) and DN 0, no data, stays 0 so that it can be drawn transparent. Unlike
 * {@code gdal_translate -scale 0 7500 0 255}, which the system before used, a dark but valid pixel
 * never rounds down to 0 and vanishes.
 *
 * @param maxDn the DN shown as white (7500 for ALOS-2 amplitude, as the seed system chose)
 */
public record DisplayScale(int maxDn) {

    /** ALOS-2 Level 1.5/2.1 amplitude: DN 0..7500 to 1..255. */
    public static final DisplayScale ALOS2 = new DisplayScale(7500);

    /** 8-bit sources are already display values: 0 stays no data, the rest unchanged. */
    public static final DisplayScale IDENTITY = new DisplayScale(254);

    public DisplayScale {
        if (maxDn < 1) {
            throw new IllegalArgumentException("maxDn must be positive, got " + maxDn);
        }
    }

    /** The display value of one DN (0 to 65535). */
    public int display(int dn) {
        if (dn <= 0) {
            return 0;
        }
        return (int) Math.min(255, 1 + Math.round(Math.min(dn, maxDn) * 254.0 / maxDn));
    }

    /** A table of all 65536 display values, indexed by {@code dn & 0xffff}. */
    public byte[] table() {
        byte[] t = new byte[65536];
        for (int dn = 0; dn < t.length; dn++) {
            t[dn] = (byte) display(dn);
        }
        return t;
    }
}
