package org.alos2ingest.geo;

/** Antenna look side relative to the flight direction. */
public enum LookSide {
    LEFT('L', "left"), RIGHT('R', "right");

    private final char code;
    private final String word;

    LookSide(char code, String word) {
        this.code = code;
        this.word = word;
    }

    public char code() {
        return code;
    }

    /** As met.json {@code lookDirection} writes it. */
    public String word() {
        return word;
    }

    public static LookSide fromCode(char c) {
        return switch (c) {
            case 'L' -> LEFT;
            case 'R' -> RIGHT;
            default -> throw new IllegalArgumentException("look side must be L or R, not '" + c + "'");
        };
    }
}
