package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
    private static final JsonFactory STREAMING = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PgeMetrics() {
    }

    public static void append(Path folder, List<Transfer> transfers) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Path tmp = folder.resolve("." + FILE_NAME + ".tmp");
        if (Files.isRegularFile(file)) {
            Json.write(tmp, appended(Json.read(file), transfers));
        } else {
            // the usual case (a fresh job folder) is written without the shared ObjectMapper, whose
            // construction costs about 0.35 s of CPU in a short `download` run; the text is the same
            Files.writeString(tmp, fresh(transfers));
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static ObjectNode appended(JsonNode old, List<Transfer> transfers) {
        ObjectNode root = old instanceof ObjectNode o ? o : Json.object();
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
        return root;
    }

    /** The file's text for these transfers alone, as {@code Json.write} would print {@link #appended} of nothing. */
    static String fresh(List<Transfer> transfers) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = STREAMING.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("download");
            for (Transfer t : transfers) {
                g.writeStartObject();
                g.writeStringField("url", t.url());
                g.writeStringField("path", t.path().toString());
                g.writeNumberField("disk_usage", t.bytes());
                g.writeStringField("time_start", format(t.start()));
                g.writeStringField("time_end", format(t.end()));
                g.writeNumberField("duration", t.seconds());
                g.writeNumberField("transfer_rate", t.rate());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("upload");
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + "\n";
    }

    static String format(Instant t) {
        return TIME.format(t);
    }
}
