package org.alos2ingest.format.geotiff;

import java.util.Optional;

/** The TIFF Compression values this reader decodes. */
enum Compression {
    NONE(1, "uncompressed"),
    LZW(5, "LZW"),
    DEFLATE(8, "Deflate"),
    PACKBITS(32773, "PackBits");

    private final int code;
    private final String label;

    Compression(int code, String label) {
        this.code = code;
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<Compression> of(long code) {
        if (code == 32946) {
            // The old code libtiff and GDAL still write for Deflate: same zlib stream.
            return Optional.of(DEFLATE);
        }
        for (Compression c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** What an unsupported Compression value is, for the error message. */
    static String describe(long code) {
        return switch ((int) code) {
            case 2 -> "CCITT RLE";
            case 3, 4 -> "CCITT fax";
            case 6, 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 34887 -> "LERC";
            case 50000 -> "Zstandard";
            case 50001 -> "WebP";
            case 34925 -> "LZMA";
            default -> "Compression " + code;
        };
    }
}
