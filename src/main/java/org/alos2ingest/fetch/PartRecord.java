package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What is known about a partial download, kept beside it ({@code .part.json}: URL, file name, size,
 * validator) so that a later run can resume it safely.
 *
 * <p>Read and written with Jackson's streaming API rather than the shared {@code ObjectMapper}: building
 * that mapper costs about 0.35 s of CPU, a tenth of a gigabyte's transfer, and a download needs
 * nothing else from it. The file is the same pretty-printed JSON as before.
 */
final class PartRecord {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");
    private static final JsonFactory JSON = new JsonFactory();

    String url;
    String fileName;
    long total = -1;
    String validator;

    /** The record of an earlier run's part file, or a fresh one (deleting a part file that has no usable record). */
    static PartRecord load(Path sidecar, Path part, String display) {
        PartRecord s = new PartRecord();
        s.url = display;
        if (Files.isRegularFile(sidecar) && Files.exists(part)) {
            try {
                s = read(sidecar);
                s.url = display;
                LOG.info(display + ": resuming a download left by an earlier run at byte " + sizeOf(part));
            } catch (IOException e) {
                LOG.warning(sidecar + ": unreadable, the download starts over");
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // the download rewrites it from the start anyway
                }
            }
        } else if (Files.exists(part)) {
            // a part without its record cannot be trusted to belong to this file
            try {
                Files.delete(part);
            } catch (IOException ignored) {
                // truncated on the first write
            }
        }
        return s;
    }

    /** The whole record, or an exception: a record cut short is not half believed. */
    private static PartRecord read(Path sidecar) throws IOException {
        PartRecord r = new PartRecord();
        try (JsonParser p = JSON.createParser(sidecar.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return r;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "file_name" -> r.fileName = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "validator" -> r.validator = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "total" -> r.total = p.getValueAsLong(-1);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("not a JSON object");
            }
        }
        return r;
    }

    void save(Path sidecar) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("url", url);
            if (fileName != null) {
                g.writeStringField("file_name", fileName);
            }
            g.writeNumberField("total", total);
            if (validator != null) {
                g.writeStringField("validator", validator);
            }
            g.writeEndObject();
        }
        Files.writeString(sidecar, w + "\n");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
