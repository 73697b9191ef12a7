package org.alos2ingest.identify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scene id and product id together: the 32 characters that name a dataset,
 * e.g. {@code ALOS2015976960-140909-FBDR1.5GUA} (seed-system.md 2.4).
 */
public record ProductName(SceneId scene, ProductId product) {

    static final String REGEX = "(?<scene>" + SceneId.REGEX + ")-(?<product>" + ProductId.REGEX + ")";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public static ProductName parse(String text) {
        Matcher m = PATTERN.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + quoted(text) + "' is not an ALOS-2 product name (e.g. ALOS2015976960-140909-FBDR1.5GUA)");
        }
        return from(m);
    }

    /** The first valid product name in a text (a delivery's file name); a match with an unknown mode or level is passed over. */
    public static Optional<ProductName> findIn(String text) {
        Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(from(m));
            } catch (IllegalArgumentException e) {
                // unknown mode or level, or not a real date: keep looking
            }
        }
        return Optional.empty();
    }

    /**
     * A name as an error message shows it: on one line (control characters escaped), at most 80
     * characters, however long or strange the file name or argument it came from.
     */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < text.length() && b.length() < 80; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? b + "..." : b.toString();
    }

    static ProductName from(Matcher m) {
        return new ProductName(SceneId.from(m), ProductId.from(m));
    }

    /** The dataset id: scene id, dash, product id. */
    public String text() {
        return scene.text() + "-" + product.text();
    }

    public ProcessingLevel level() {
        return product.level();
    }

    @Override
    public String toString() {
        return text();
    }
}
