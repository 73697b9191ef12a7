package org.alos2ingest.ingest;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;

/**
 * How an ingest runs.
 *
 * @param workRoot folder for downloads, extraction and product staging; best on the same file
 *                 system as the publish location, so that publishing is a rename
 * @param force    re-ingest datasets that are already cataloged
 * @param keepWork leave the work folder behind (for debugging)
 * @param context  the HySDS job context, stored as {@code metadata.context}; null outside HySDS
 */
public record IngestOptions(Path workRoot, Settings settings, DatasetDefinitions definitions, UnpackLimits limits,
                            boolean force, boolean keepWork, Progress progress, JsonNode context) {
}
