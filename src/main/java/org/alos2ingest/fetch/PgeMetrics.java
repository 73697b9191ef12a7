package org.alos2ingest.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * HySDS's transfer record, {@code pge_metrics.json}:
 * {@code {"download": [{"url", "path", "disk_usage", "time_start", "time_end", "duration", "transfer_rate"}], "upload": []}},
 * times in ISO 8601 UTC with a {@code Z}, duration in seconds, the rate in bytes per second. HySDS
 * reads it from anywhere under the job folder, adds it to the job's metrics and derives the dataset's
 * provenance from the download URLs; entries are appended when the file exists already.
 */
public final class PgeMetrics {

    public static final String FILE_NAME = "pge_metrics.json";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PgeMetrics() {
    }

    public static void append(Path folder, List<Transfer> transfers) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        ObjectNode root;
        if (Files.isRegularFile(file)) {
            JsonNode old = Json.read(file);
            root = old instanceof ObjectNode o ? o : Json.object();
        } else {
            root = Json.object();
        }
        ArrayNode download = root.get("download") instanceof ArrayNode a ? a : root.putArray("download");
        if (!(root.get("upload") instanceof ArrayNode)) {
            root.putArray("upload");
        }
        for (Transfer t : transfers) {
            ObjectNode e = download.addObject();
            e.put("url", t.url());
            e.put("path", t.path().toString());
            e.put("disk_usage", t.bytes());
            e.put("time_start", format(t.start()));
            e.put("time_end", format(t.end()));
            e.put("duration", t.seconds());
            e.put("transfer_rate", t.rate());
        }
        Path tmp = folder.resolve("." + FILE_NAME + ".tmp");
        Json.write(tmp, root);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String format(Instant t) {
        return TIME.format(t);
    }
}
