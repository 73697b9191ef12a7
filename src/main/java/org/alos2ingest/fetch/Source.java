package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * True when the items are the user's own files, read where they are: nothing is downloaded, so
     * looking into one to see what it holds costs nothing (and a name is no reason to skip it).
     */
    default boolean inPlace() {
        return false;
    }

    /** Brings one item to local disk under {@code workDir} (or points at it where it already is). */
    Delivery fetch(Item item, Path workDir, Progress progress);

    /**
     * One file the source offers.
     *
     * @param name       its file name when known before downloading (to recognise the scene), else empty
     * @param location   where it is, without credentials
     * @param size       bytes, or -1 when unknown
     * @param attributes what the source knows about it and needs to fetch it again in another job
     *                   (e.g. a Sentinel Asia data id and its request); never credentials
     * @param skipReason why the source offers it but it cannot be ingested (e.g. "not a zip"), else empty
     */
    record Item(Optional<String> name, String location, long size, Map<String, String> attributes, Optional<String> skipReason) {

        public Item {
            attributes = Map.copyOf(attributes);
        }

        public Item(Optional<String> name, String location, long size) {
            this(name, location, size, Map.of(), Optional.empty());
        }
    }
}
