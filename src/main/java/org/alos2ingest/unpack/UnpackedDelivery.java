package org.alos2ingest.unpack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a delivery on disk, and for each extracted file the zip entry it came from, so that
 * the product zip can be made from the original compressed bytes instead of compressing again.
 *
 * @param root    folder holding the delivery's files (for a folder delivery, the folder itself)
 * @param origins extracted file to zip entry; empty for a folder delivery
 * @param zips    every zip on disk that was opened, outermost first (nested zips are kept until the
 *                product is packaged, because a zip holding exactly one scene is moved, not rebuilt)
 */
public record UnpackedDelivery(Path root, Map<Path, ZipOrigin> origins, List<Path> zips) {

    public UnpackedDelivery {
        origins = Map.copyOf(origins);
        zips = List.copyOf(zips);
    }

    public static UnpackedDelivery folder(Path folder) {
        return new UnpackedDelivery(folder, Map.of(), List.of());
    }

    public Optional<ZipOrigin> originOf(Path file) {
        return Optional.ofNullable(origins.get(file));
    }

    /** Files extracted from the given zip (not those of zips nested in it). */
    public List<Path> filesFrom(Path zip) {
        return origins.entrySet().stream().filter(e -> e.getValue().zip().equals(zip)).map(Map.Entry::getKey).sorted().toList();
    }
}
