package org.alos2ingest.hysds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * A HySDS job's {@code _context.json}: the job's parameters by name (those its job-spec sends to
 * {@code context}), and {@code job_specification} with the job's version. HySDS writes a parameter
 * the submitter left empty as {@code ""} or {@code null}; both read as absent here.
 */
public record JobContext(Path file, ObjectNode json) {

    public static final String FILE_NAME = "_context.json";
    private static final long MAX_BYTES = 16 << 20;

    public static JobContext read(Path jobDir) {
        Path f = jobDir.resolve(FILE_NAME);
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new HysdsException(f, "is larger than 16 MB: not a job context");
            }
            JsonNode n = Json.MAPPER.readTree(Files.readString(f));
            if (!(n instanceof ObjectNode o)) {
                throw new HysdsException(f, "is not a JSON object");
            }
            return new JobContext(f, o);
        } catch (NoSuchFileException e) {
            throw new HysdsException(f, "not found: run this in the HySDS job's work folder (or give --work-dir)");
        } catch (JsonProcessingException e) {
            throw new HysdsException(f, "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new HysdsException(f, "cannot read: " + e.getMessage());
        }
    }

    /** A parameter's value as text, when the job was given one. */
    public Optional<String> param(String name) {
        JsonNode v = json.get(name);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        String t = v.asText().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    public String require(String name, String why) {
        return param(name).orElseThrow(() -> new HysdsException(file, "has no " + name + " (" + why + ")"));
    }

    /** The job's version ({@code job_specification.job-version}), which names its job type in Mozart. */
    public Optional<String> jobVersion() {
        JsonNode v = json.path("job_specification").path("job-version");
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().strip()) : Optional.empty();
    }
}
