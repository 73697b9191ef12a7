package org.alos2ingest.identify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of JAXA product file names (alos2-formats.md 1.2-1.3), e.g.
 * {@code IMG-HH-ALOS2015976960-140909-FBDR1.5GUA}, {@code IMG-HV-ALOS2101143750-160407-WBDR1.1__D-F3},
 * {@code LUT-HH-ALOS2337294000-200821-UBSL1.5GUD.txt}, {@code ALOS2146686640-170209_FBDR1.5GUA.kml}.
 *
 * @param polarisation {@code HH}, {@code HV}, {@code VH}, {@code VV}; {@code null} for VOL, LED, TRL, KML
 * @param scan         ScanSAR scan suffix ({@code F1}..{@code F7}, {@code B1}..), or {@code null}
 * @param extension    {@code .tif}, {@code .txt}, {@code .jpg}, {@code .kml}, or {@code ""}
 */
public record ProductFileName(String fileName, FileType type, String polarisation, ProductName product,
                              String scan, String extension) {

    private static final String TYPES = "VOL|LED|IMG|TRL|BRS|LUT";
    private static final Pattern PRODUCT_FILE = Pattern.compile(
            "(?<type>" + TYPES + ")(?:-(?<pol>HH|HV|VH|VV))?-" + ProductName.REGEX
                    + "(?:-(?<scan>[BF]\\d))?(?<ext>\\.tif|\\.tiff|\\.txt|\\.jpg)?");
    private static final Pattern KML_FILE = Pattern.compile(
            "(?<scene>" + SceneId.REGEX + ")_(?<product>" + ProductId.REGEX + ")\\.kml");
    /** Anything that starts like a product file; used to tell a malformed name from an unrelated file. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("(?:" + TYPES + ")(?:-[A-Z]{2})?-(?<mission>AL[A-Z0-9]{3}).*");
    private static final Pattern CONTAINS_PRODUCT_NAME = Pattern.compile(".*?(" + ProductName.REGEX + ").*");

    /**
     * Reads a file name (without folders).
     *
     * @return empty when the name is not a product file at all (summary.txt, a readme)
     * @throws IllegalArgumentException when it starts like one but is foreign (ALOS-1, ALOS-4) or malformed;
     *                                  the message says what is wrong
     */
    public static Optional<ProductFileName> parse(String fileName) {
        Matcher k = KML_FILE.matcher(fileName);
        if (k.matches()) {
            return Optional.of(new ProductFileName(fileName, FileType.KML, null, ProductName.from(k), null, ".kml"));
        }
        Matcher m = PRODUCT_FILE.matcher(fileName);
        if (m.matches()) {
            FileType type = FileType.valueOf(m.group("type"));
            String pol = m.group("pol");
            boolean needsPol = type == FileType.IMG || type == FileType.BRS || type == FileType.LUT;
            if (needsPol != (pol != null)) {
                throw new IllegalArgumentException(needsPol ? type + " file without polarisation" : type + " file with a polarisation");
            }
            String ext = m.group("ext") == null ? "" : m.group("ext");
            return Optional.of(new ProductFileName(fileName, type, pol, ProductName.from(m), m.group("scan"), ext));
        }
        Matcher l = LOOKS_LIKE.matcher(fileName);
        if (!l.matches()) {
            return Optional.empty();
        }
        String mission = l.group("mission");
        if (mission.startsWith("ALPS")) {
            throw new IllegalArgumentException("ALOS-1 PALSAR product (ALPSR...); alos2-ingest reads ALOS-2 PALSAR-2 products only");
        }
        if (mission.startsWith("ALOS4")) {
            throw new IllegalArgumentException("ALOS-4 PALSAR-3 product; alos2-ingest reads ALOS-2 PALSAR-2 products only");
        }
        // An ALOS-2 name that failed the strict grammar: find which part is wrong.
        Matcher loose = CONTAINS_PRODUCT_NAME.matcher(fileName);
        if (loose.matches()) {
            ProductName.from(loose);
        }
        throw new IllegalArgumentException("not a valid ALOS-2 product file name (expected e.g. IMG-HH-ALOS2015976960-140909-FBDR1.5GUA)");
    }

    public boolean isImage() {
        return type == FileType.IMG;
    }

    public boolean isGeoTiff() {
        return type == FileType.IMG && (extension.equals(".tif") || extension.equals(".tiff"));
    }
}
