package org.alos2ingest.geo;

/** Pass direction of the orbit during the acquisition. */
public enum OrbitDirection {
    ASCENDING('A', "ascending"), DESCENDING('D', "descending");

    private final char code;
    private final String word;

    OrbitDirection(char code, String word) {
        this.code = code;
        this.word = word;
    }

    public char code() {
        return code;
    }

    /** As met.json {@code direction} writes it. */
    public String word() {
        return word;
    }

    public static OrbitDirection fromCode(char c) {
        return switch (c) {
            case 'A' -> ASCENDING;
            case 'D' -> DESCENDING;
            default -> throw new IllegalArgumentException("orbit direction must be A or D, not '" + c + "'");
        };
    }
}
