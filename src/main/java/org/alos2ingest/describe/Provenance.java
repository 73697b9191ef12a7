package org.alos2ingest.describe;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a scene came from, as far as its metadata is concerned: met.json's {@code download_source}
 * and the extra fields its source knows (the Sentinel Asia request, for one). Kept apart from the
 * fetch stage's delivery so that describing a scene needs nothing of how it was fetched.
 */
public record Provenance(String downloadSource, Map<String, Object> metadata) {

    public Provenance {
        metadata = Map.copyOf(metadata);
    }

    /** A user's own file or folder: its absolute path is its source, and nothing more is known. */
    public static Provenance local(Path path) {
        return new Provenance(path.toAbsolutePath().normalize().toString(), Map.of());
    }
}
