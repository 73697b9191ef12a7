package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgeMetricsTest {

    @TempDir
    Path tmp;

    static Transfer transfer(String name, long bytes) {
        Instant start = Instant.parse("2026-12-06T10:00:00.123456Z");
        return new Transfer("https://example.org/\"" + name, Path.of(name), bytes, start, start.plusMillis(1234));
    }

    @Test
    void aFreshFileIsTheTextTheMapperWritesAndLaterRunsAppendToIt() throws IOException {
        List<Transfer> first = List.of(transfer("a.zip", 1_073_741_824L), transfer("b\u00e9.zip", 7));
        PgeMetrics.append(tmp, first);

        Path mapper = tmp.resolve("mapper.json");
        Json.write(mapper, PgeMetrics.appended(Json.object(), first));
        assertEquals(Files.readString(mapper), Files.readString(tmp.resolve(PgeMetrics.FILE_NAME)));

        PgeMetrics.append(tmp, List.of(transfer("c.zip", 3)));
        JsonNode j = Json.read(tmp.resolve(PgeMetrics.FILE_NAME));
        assertEquals(3, j.path("download").size());
        assertEquals("c.zip", j.path("download").get(2).path("path").asText());
        assertEquals(1_073_741_824L, j.path("download").get(0).path("disk_usage").asLong());
        assertEquals(0, j.path("upload").size());
    }
}
