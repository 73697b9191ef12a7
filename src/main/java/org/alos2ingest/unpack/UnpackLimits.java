package org.alos2ingest.unpack;

/**
 * Bounds that stop a hostile or broken zip before it fills the disk.
 *
 * @param maxTotalBytes      most bytes one delivery may expand to, nested zips included
 * @param maxExpansionRatio  most uncompressed bytes per compressed byte, for the whole delivery and for
 *                           any entry larger than {@link #ratioCheckMinBytes}
 * @param ratioCheckMinBytes entries smaller than this are not ratio-checked (small text files compress
 *                           very well and are harmless)
 * @param maxEntries         most entries per zip
 * @param maxNesting         most levels of zips inside zips
 * @param freeSpaceMargin    bytes that must stay free on the disk after extracting
 */
public record UnpackLimits(long maxTotalBytes, double maxExpansionRatio, long ratioCheckMinBytes,
                           int maxEntries, int maxNesting, long freeSpaceMargin) {

    public static final long GIB = 1L << 30;

    /**
     * A ScanSAR Level 1.1 delivery is about 60 GB zipped and little more unzipped; SAR data compress at
     * most a few times, so 100:1 leaves room for large no-data areas while refusing real bombs.
     */
    public static UnpackLimits defaults() {
        return new UnpackLimits(256 * GIB, 100.0, 1 << 20, 10_000, 3, 256L << 20);
    }

    public UnpackLimits withMaxTotalBytes(long bytes) {
        return new UnpackLimits(bytes, maxExpansionRatio, ratioCheckMinBytes, maxEntries, maxNesting, freeSpaceMargin);
    }

    public UnpackLimits withMaxExpansionRatio(double ratio) {
        return new UnpackLimits(maxTotalBytes, ratio, ratioCheckMinBytes, maxEntries, maxNesting, freeSpaceMargin);
    }

    public UnpackLimits withFreeSpaceMargin(long bytes) {
        return new UnpackLimits(maxTotalBytes, maxExpansionRatio, ratioCheckMinBytes, maxEntries, maxNesting, bytes);
    }
}
