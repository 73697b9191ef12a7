package org.alos2ingest.identify;

import java.util.Optional;

/** Processing levels that appear in product names; only some can be ingested. */
public enum ProcessingLevel {
    L1_0("1.0", false, "Level 1.0 is raw signal data that needs a SAR processor; order Level 1.1 or higher"),
    L1_1("1.1", true, null),
    L1_5("1.5", true, null),
    L2_1("2.1", true, null),
    L3_1("3.1", false, "Level 3.1 (image-quality-corrected) products are not supported; order Level 1.5 or 2.1");

    private final String code;
    private final boolean supported;
    private final String refusal;

    ProcessingLevel(String code, boolean supported, String refusal) {
        this.code = code;
        this.supported = supported;
        this.refusal = refusal;
    }

    /** As written in names and summary.txt: "1.5". */
    public String code() {
        return code;
    }

    /** As written in met.json {@code level}: "L1.5". */
    public String label() {
        return "L" + code;
    }

    public boolean isSupported() {
        return supported;
    }

    /** Why this level cannot be ingested, or {@code null} when it can. */
    public String refusal() {
        return refusal;
    }

    /** Whether JAXA delivers this level as map-projected GeoTIFF images. */
    public boolean isGeoTiffCapable() {
        return supported && ProductKind.of(this, ProductFormat.GEOTIFF).pictures() == ProductKind.Pictures.GEOTIFF_IMAGES;
    }

    public static Optional<ProcessingLevel> fromCode(String code) {
        for (ProcessingLevel l : values()) {
            if (l.code.equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
