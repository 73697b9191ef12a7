package org.alos2ingest.identify;

import java.util.Optional;

/**
 * PALSAR-2 observation modes as coded in characters 22-24 of a product name (alos2-formats.md 1.4).
 */
public enum ObservationMode {
    SBS("Spotlight, single polarisation", 1, false),
    UBS("Ultra-fine, single polarisation", 1, false),
    UBD("Ultra-fine, dual polarisation", 2, false),
    HBS("High-sensitive, single polarisation", 1, false),
    HBD("High-sensitive, dual polarisation", 2, false),
    HBQ("High-sensitive, full (quad) polarisation", 4, false),
    FBS("Fine, single polarisation", 1, false),
    FBD("Fine, dual polarisation", 2, false),
    FBQ("Fine, full (quad) polarisation", 4, false),
    WBS("ScanSAR nominal 350 km (14 MHz), single polarisation", 1, true),
    WBD("ScanSAR nominal 350 km (14 MHz), dual polarisation", 2, true),
    WWS("ScanSAR nominal 350 km (28 MHz), single polarisation", 1, true),
    WWD("ScanSAR nominal 350 km (28 MHz), dual polarisation", 2, true),
    VBS("ScanSAR wide 490 km, single polarisation", 1, true),
    VBD("ScanSAR wide 490 km, dual polarisation", 2, true);

    private final String description;
    private final int polarisations;
    private final boolean scanSar;

    ObservationMode(String description, int polarisations, boolean scanSar) {
        this.description = description;
        this.polarisations = polarisations;
        this.scanSar = scanSar;
    }

    /** What a user calls the mode, e.g. "Fine, dual polarisation" for FBD. */
    public String description() {
        return description;
    }

    /** Number of polarisations (and so of IMG files per scan) the mode delivers. */
    public int polarisations() {
        return polarisations;
    }

    /** ScanSAR modes deliver one IMG file per scan at Level 1.1. */
    public boolean isScanSar() {
        return scanSar;
    }

    /** Number of ScanSAR scans (sub-swaths): 5 for nominal, 7 for wide, 1 otherwise. */
    public int scans() {
        if (!scanSar) {
            return 1;
        }
        return this == VBS || this == VBD ? 7 : 5;
    }

    public static Optional<ObservationMode> fromCode(String code) {
        for (ObservationMode m : values()) {
            if (m.name().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
