package org.alos2ingest.format.geotiff;

/**
 * The TIFF Orientation values a reader can honour while streaming rows: the stored rows may run
 * bottom to top and the columns right to left. Transposed orientations (5 to 8) would need whole
 * columns of a file stored by rows, so they are refused.
 */
enum Orientation {
    TOP_LEFT(1, false, false),
    TOP_RIGHT(2, true, false),
    BOTTOM_RIGHT(3, true, true),
    BOTTOM_LEFT(4, false, true);

    private final int code;
    private final boolean flipColumns;
    private final boolean flipRows;

    Orientation(int code, boolean flipColumns, boolean flipRows) {
        this.code = code;
        this.flipColumns = flipColumns;
        this.flipRows = flipRows;
    }

    int code() {
        return code;
    }

    boolean flipColumns() {
        return flipColumns;
    }

    boolean flipRows() {
        return flipRows;
    }

    static Orientation of(long code) {
        for (Orientation o : values()) {
            if (o.code == code) {
                return o;
            }
        }
        throw new IllegalArgumentException(code >= 5 && code <= 8
                ? "Orientation " + code + " (rows and columns transposed) is not supported; only 1 to 4"
                : "Orientation " + code + " is not a TIFF orientation (1 to 8)");
    }
}
