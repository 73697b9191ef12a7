package org.alos2ingest.cli.input;

/** A decimal number as a user types it: Java's own reader also takes {@code NaN}, {@code Infinity} and {@code 1d}, which no option means. */
final class Decimal {
    private Decimal() {
    }

    /** The finite number {@code text} spells, or NaN when it spells none. */
    static double of(String text) {
        String t = text.strip();
        if (t.matches("(?i).*[a-z].*")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
