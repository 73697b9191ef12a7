package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartRecordTest {

    @TempDir
    Path tmp;

    @Test
    void whatIsSavedIsReadBackByTheNextRunQuotesAndAllAndIsTheMappersText() throws IOException {
        Path part = Files.write(tmp.resolve("x.part"), new byte[10]);
        Path sidecar = tmp.resolve("x.part.json");
        PartRecord r = new PartRecord();
        r.url = "https://example.org/a b.zip";
        r.fileName = "caf\u00e9 \"1\".zip";
        r.total = 5_000_000_000L;
        r.validator = "\"abc\\\"def\"";
        r.save(sidecar);

        PartRecord back = PartRecord.load(sidecar, part, "https://example.org/a b.zip");
        assertEquals(r.fileName, back.fileName);
        assertEquals(5_000_000_000L, back.total);
        assertEquals(r.validator, back.validator);
        assertTrue(Files.exists(part));

        ObjectNode j = Json.object();
        j.put("url", "https://example.org/a b.zip");
        j.put("file_name", r.fileName);
        j.put("total", 5_000_000_000L);
        j.put("validator", r.validator);
        Path mapper = tmp.resolve("mapper.json");
        Json.write(mapper, j);
        assertEquals(Files.readString(mapper), Files.readString(sidecar), "the same file as the ObjectMapper wrote before");
    }

    @Test
    void aRecordWithoutNameOrValidatorAndWithUnknownFieldsStillReads() throws IOException {
        Path part = Files.write(tmp.resolve("x.part"), new byte[10]);
        Path sidecar = Files.writeString(tmp.resolve("x.part.json"), "{\"url\": \"u\", \"extra\": {\"a\": [1, 2]}, \"total\": 42, \"file_name\": null}\n");
        PartRecord r = PartRecord.load(sidecar, part, "u");
        assertNull(r.fileName);
        assertNull(r.validator);
        assertEquals(42, r.total);
        assertTrue(Files.exists(part));
    }

    @Test
    void anUnreadableRecordOrAPartWithoutOneStartsOver() throws IOException {
        Path part = Files.write(tmp.resolve("x.part"), new byte[10]);
        Path sidecar = Files.writeString(tmp.resolve("x.part.json"), "{\"total\": 4");
        PartRecord r = PartRecord.load(sidecar, part, "u");
        assertEquals(-1, r.total);
        assertFalse(Files.exists(part), "a part whose record is unreadable is not trusted");

        Files.write(part, new byte[10]);
        Files.delete(sidecar);
        PartRecord.load(sidecar, part, "u");
        assertFalse(Files.exists(part), "nor one without a record");
    }
}
