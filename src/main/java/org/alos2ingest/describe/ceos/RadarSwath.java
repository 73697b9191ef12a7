package org.alos2ingest.describe.ceos;

import java.time.Instant;

/**
 * The radar-geometry extent of one Level 1.1 image (a stripmap image, or one ScanSAR scan): the
 * times of its first and last lines, the slant range to the first sample of each, and the sample
 * spacing, all as the signal records and the leader give them.
 *
 * @param file          the image file's name
 * @param start         time of the first line
 * @param end           time of the last line
 * @param nearRangeFirst slant range to the first sample of the first line, metres
 * @param nearRangeLast  slant range to the first sample of the last line, metres
 * @param rangeSpacing  slant-range sample spacing c / (2 fs), metres
 * @param prf           line rate, Hz
 */
public record RadarSwath(String file, int scan, Instant start, Instant end, double nearRangeFirst, double nearRangeLast,
                         double rangeSpacing, long pixels, long lines, double prf) {

    public double farRangeFirst() {
        return nearRangeFirst + (pixels - 1) * rangeSpacing;
    }

    public double farRangeLast() {
        return nearRangeLast + (pixels - 1) * rangeSpacing;
    }
}
