package org.alos2ingest.fetch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a source hands to the ingest: a zip or a folder on local disk.
 *
 * @param path           the zip file or folder
 * @param downloadSource where it came from, for met.json {@code download_source}: a URL without
 *                       credentials, or the local path
 * @param owned          true when the file is alos2-ingest's own copy (a download in the work
 *                       folder) that may be moved into the product; false for a user's file, which
 *                       is never moved or deleted
 * @param metadata       extra met.json fields the source knows (e.g. the Sentinel Asia request)
 * @param transfers      the downloads that brought it (for pge_metrics.json); empty for local files
 */
public record Delivery(Path path, String downloadSource, boolean owned, Map<String, Object> metadata, List<Transfer> transfers) {

    public Delivery {
        metadata = Map.copyOf(metadata);
        transfers = List.copyOf(transfers);
    }

    public Delivery(Path path, String downloadSource, boolean owned, Map<String, Object> metadata) {
        this(path, downloadSource, owned, metadata, List.of());
    }

    public static Delivery local(Path path) {
        return new Delivery(path, path.toAbsolutePath().normalize().toString(), false, Map.of());
    }
}
