package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.util.Progress;

/**
 * Where deliveries come from: a local path, a download URL, an AUIG2 order, a Sentinel Asia request.
 * Listing is separate from fetching so that the ingest can skip what is already cataloged before
 * a byte is downloaded.
 */
public interface Source {

    /** Says what this source is, for messages; never contains credentials. */
    String describe();

    /** What the source offers; cheap (a directory listing, an API call), downloads nothing. */
    List<Item> list();

    /** Brings one item to local disk under {@code workDir} (or points at it where it already is). */
    Delivery fetch(Item item, Path workDir, Progress progress);

    /**
     * One file the source offers.
     *
     * @param name     its file name when known before downloading (to recognise the scene), else empty
     * @param location where it is, without credentials
     * @param size     bytes, or -1 when unknown
     */
    record Item(Optional<String> name, String location, long size) {
    }
}
