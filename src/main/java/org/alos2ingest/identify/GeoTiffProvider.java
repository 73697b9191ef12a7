package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.file.Path;

/** GeoTIFF images (Level 1.5 / 2.1): classic TIFF or BigTIFF, either byte order. */
public final class GeoTiffProvider implements ProductProvider {

    @Override
    public ProductFormat format() {
        return ProductFormat.GEOTIFF;
    }

    @Override
    public Probe probe(byte[] head) {
        byte[] h = head.length > 4 ? java.util.Arrays.copyOf(head, 4) : head;
        if (h.length < 4) {
            return Probe.unable(h.length == 0 ? "empty file" : "too short for a TIFF header");
        }
        boolean ii = h[0] == 'I' && h[1] == 'I' && h[3] == 0 && (h[2] == 42 || h[2] == 43);
        boolean mm = h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43);
        if (ii || mm) {
            boolean big = (ii ? h[2] : h[3]) == 43;
            return Probe.intended((big ? "BigTIFF" : "TIFF") + ", " + (ii ? "little" : "big") + "-endian");
        }
        return Probe.unable("no TIFF signature (II*\\0 or MM\\0*)");
    }
}
