package org.alos2ingest.identify;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One image format of ALOS-2 products. Detection is kept apart from reading: {@link #probe} looks
 * at the first bytes of an IMG file and answers, so that identification can try every provider and
 * explain each refusal when none fits.
 */
public interface ProductProvider {

    ProductFormat format();

    /** Looks at a few bytes of an IMG file; reads nothing else and changes nothing. */
    default Probe probe(Path imageFile) throws IOException {
        return probe(FileHead.read(imageFile, HEAD_BYTES));
    }

    /** The same, given the file's first {@value #HEAD_BYTES} bytes (fewer when the file is shorter). */
    Probe probe(byte[] head);

    /** Bytes a probe looks at, at most. */
    int HEAD_BYTES = 16;
}
