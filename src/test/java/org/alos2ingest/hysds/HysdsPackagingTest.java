package org.alos2ingest.hysds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HySDS packaging in {@code docker/}, checked as HySDS would load it: each job's job-spec and
 * hysds-io parse and hold the keys HySDS needs, every parameter the submitter or a value fills is
 * one the job-spec takes (and the other way round), no parameter is a password and none uses a
 * lambda, the parameters are those {@link HysdsJob} reads, and the command the job-specs run is
 * what the Dockerfile installs.
 */
class HysdsPackagingTest {

    static final Path DOCKER = Path.of("docker");
    static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|pass$|pwd|secret|token|credential|cookie|session|key).*");

    static JsonNode read(String file) throws IOException {
        Path p = DOCKER.resolve(file);
        assertTrue(Files.isRegularFile(p), p + " is missing");
        return Json.MAPPER.readTree(Files.readString(p));
    }

    static List<HysdsJob> jobs() {
        return HysdsJob.values();
    }

    static List<String> names(JsonNode params) {
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void jobSpecHasWhatHysdsNeeds(HysdsJob job) throws IOException {
        JsonNode spec = read("job-spec.json." + job.jobName());
        assertEquals("/home/ops/alos2-ingest/bin/hysds-run", spec.path("command").asText());
        JsonNode files = spec.path("imported_worker_files");
        assertEquals("/home/ops/.netrc", files.path("/home/ops/.netrc").asText(), "logins come from the worker's .netrc");
        assertEquals("/home/ops/.aws", files.path("/home/ops/.aws").asText());
        assertTrue(spec.path("recommended-queues").isArray() && spec.path("recommended-queues").size() > 0);
        spec.path("recommended-queues").forEach(q -> assertTrue(q.isTextual() && q.asText().matches("[a-z_]+-job_worker-[a-z]+"), q.toString()));
        assertEquals("200GB", spec.path("disk_usage").asText());
        assertEquals(36000, spec.path("soft_time_limit").asInt());
        assertEquals(40000, spec.path("time_limit").asInt());
        assertTrue(spec.path("soft_time_limit").isInt() && spec.path("time_limit").isInt());

        JsonNode params = spec.path("params");
        assertTrue(params.isArray());
        Set<String> unique = new LinkedHashSet<>(names(params));
        assertEquals(params.size(), unique.size(), "parameter names are unique");
        for (JsonNode p : params) {
            assertTrue(Set.of("context", "positional", "localize").contains(p.path("destination").asText()), p.toString());
        }
        // the positional job name first (the command's argument), then exactly the context parameters hysds-run reads
        assertEquals("job", params.get(0).path("name").asText());
        assertEquals("positional", params.get(0).path("destination").asText());
        List<String> context = new ArrayList<>();
        params.forEach(p -> {
            if (p.path("destination").asText().equals("context")) {
                context.add(p.path("name").asText());
            }
        });
        assertEquals(job.contextParams(), context);
        assertNoSecretsOrLambdas(spec);
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void hysdsIoFillsExactlyTheJobSpecsParameters(HysdsJob job) throws IOException {
        JsonNode io = read("hysds-io.json." + job.jobName());
        JsonNode spec = read("job-spec.json." + job.jobName());
        assertFalse(io.path("label").asText().isBlank());
        assertTrue(Set.of("individual", "iteration").contains(io.path("submission_type").asText()));
        assertTrue(io.path("allowed_accounts").isArray() && io.path("allowed_accounts").size() > 0);
        List<String> ioNames = names(io.path("params"));
        assertEquals(Set.copyOf(names(spec.path("params"))), Set.copyOf(ioNames), "every hysds-io param maps to a job-spec param and back");
        assertEquals(ioNames.size(), Set.copyOf(ioNames).size());
        for (JsonNode p : io.path("params")) {
            String from = p.path("from").asText();
            assertTrue(from.equals("submitter") || from.equals("value") || from.startsWith("dataset_jpath:"), p.toString());
            if (from.equals("value")) {
                assertTrue(p.has("value"), p.toString());
            }
            if (from.equals("submitter") && !p.path("optional").asBoolean(false)) {
                assertFalse(p.has("default"), "a required submitter parameter has no default: " + p);
            }
        }
        JsonNode jobParam = io.path("params").get(0);
        assertEquals("job", jobParam.path("name").asText());
        assertEquals("value", jobParam.path("from").asText());
        assertEquals(job.jobName(), jobParam.path("value").asText(), "the job tells hysds-run which job it is");
        assertNoSecretsOrLambdas(io);
    }

    static void assertNoSecretsOrLambdas(JsonNode n) {
        List<String> found = new ArrayList<>();
        walk(n, found);
        assertEquals(List.of(), found);
    }

    private static void walk(JsonNode n, List<String> found) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("lambda")) {
                    found.add("a lambda: " + e.getValue());
                }
                if (e.getKey().equals("name") && SECRET.matcher(e.getValue().asText()).matches()) {
                    found.add("a secret-like parameter: " + e.getValue());
                }
                walk(e.getValue(), found);
            });
        } else if (n.isArray()) {
            n.forEach(x -> walk(x, found));
        }
    }

    @Test
    void theOldSystemsPasswordParametersAreGone() throws IOException {
        assertEquals(List.of("job", "auig2_orderid", "auig2_username"), names(read("job-spec.json.ingest_alos2_auig2").path("params")));
        assertEquals(List.of("job", "data_id", "eor_id", "start_date", "queue"), names(read("job-spec.json.ingest_alos2_sentinelasia").path("params")));
        assertEquals(List.of("job", "download_url"), names(read("job-spec.json.ingest_alos2_downloadurl").path("params")));
    }

    @Test
    void noOtherJobFilesLieInDocker() throws IOException {
        List<String> json;
        try (Stream<Path> s = Files.list(DOCKER)) {
            json = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("job-spec.json.") || n.startsWith("hysds-io.json.")).sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        for (HysdsJob j : HysdsJob.values()) {
            expected.add("hysds-io.json." + j.jobName());
            expected.add("job-spec.json." + j.jobName());
        }
        assertEquals(expected.stream().sorted().toList(), json);
    }

    @Test
    void theDockerfileBuildsTheJarAndInstallsTheCommandTheJobSpecsRun() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> from = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(dockerfile);
        while (m.find()) {
            from.add(m.group(1) + (m.group(2) == null ? "" : " AS " + m.group(2)));
        }
        assertEquals(2, from.size(), from.toString());
        assertTrue(from.get(0).matches("maven:3\\.\\d+-eclipse-temurin-17 AS build"), from.get(0));
        assertTrue(from.get(1).matches("eclipse-temurin:17-jre"), from.get(1));
        assertTrue(dockerfile.contains("RUN mvn -B -ntp -DskipTests package"));
        // the jar the build makes (pom.xml's finalName) is where the command expects it
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>alos2-ingest</finalName>"));
        assertTrue(dockerfile.contains("COPY --from=build /build/target/alos2-ingest.jar /home/ops/alos2-ingest/alos2-ingest.jar"));
        assertTrue(dockerfile.contains("COPY docker/hysds-run /home/ops/alos2-ingest/bin/hysds-run"));
        assertTrue(dockerfile.contains("USER ops"));
        String script = Files.readString(DOCKER.resolve("hysds-run"));
        assertTrue(Files.isExecutable(DOCKER.resolve("hysds-run")));
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.contains("-jar \"$here/alos2-ingest.jar\" hysds-run \"$@\""), script);
    }
}
