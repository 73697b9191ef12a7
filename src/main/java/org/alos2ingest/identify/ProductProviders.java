package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The registered formats; the one place a new format is added. */
public final class ProductProviders {

    private static final List<ProductProvider> ALL = List.of(new GeoTiffProvider(), new CeosProvider());

    private ProductProviders() {
    }

    public static List<ProductProvider> all() {
        return ALL;
    }

    /**
     * The provider that reads an IMG file.
     *
     * @throws IdentifyException naming the file and what each provider said, when none can read it
     */
    public static ProductProvider forImage(Path imageFile) {
        return forImage(imageFile, null);
    }

    /** The same, given the file's first bytes ({@link ProductProvider#HEAD_BYTES}); null to read them from the file. */
    public static ProductProvider forImage(Path imageFile, byte[] head) {
        List<String> refusals = new ArrayList<>();
        ProductProvider suitable = null;
        for (ProductProvider p : ALL) {
            Probe probe;
            try {
                probe = head != null ? p.probe(head) : p.probe(imageFile);
            } catch (IOException e) {
                throw new IdentifyException(imageFile, "cannot read: " + e.getMessage(), e);
            }
            if (probe.verdict() == Probe.Verdict.INTENDED) {
                return p;
            }
            if (probe.canRead() && suitable == null) {
                suitable = p;
            }
            refusals.add(p.format() + ": " + probe.reason());
        }
        if (suitable != null) {
            return suitable;
        }
        throw new IdentifyException(imageFile, "not a readable ALOS-2 image (" + String.join("; ", refusals) + ")");
    }
}
