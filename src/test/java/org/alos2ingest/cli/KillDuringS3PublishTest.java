package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.publish.S3Publisher;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.OpenSearchServer;
import org.alos2ingest.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The real command line, in its own process, ingesting a ~100 MB delivery into S3 (s3proxy) and
 * OpenSearch; killed with SIGKILL in the middle of the multipart upload of the product zip; run again.
 * The second run must find the half-published dataset, clean it, publish it whole and index it once.
 */
class KillDuringS3PublishTest {

    static final String BUCKET = "aria-datasets";
    static final String ID = "ALOS2146686640-170209-FBDR1.5GUA";

    @TempDir
    Path tmp;

    @Test
    void aKilledPublishIsFinishedByTheNextRun() throws Exception {
        OpenSearchServer os = OpenSearchServer.shared();
        String prefix = OpenSearchServer.newPrefix("kill");
        String catalogUri = os.catalogUri(prefix);
        try (S3ProxyServer s3server = S3ProxyServer.start(Files.createDirectories(tmp.resolve("s3")));
             S3Client s3 = s3server.client();
             Catalog catalog = Catalogs.open(catalogUri)) {
            s3server.createBucket(BUCKET);
            Path home = Files.createDirectories(tmp.resolve("home"));
            int port = s3server.endpoint().getPort();
            // HySDS's s3://host:port/bucket form, small parts so that a 100 MB zip is twenty of them, two at a time
            Files.writeString(home.resolve("settings.json"), s3server.publishSettings(BUCKET, 2));
            Path delivery = tmp.resolve("0000148073_001001_ALOS2146686640-170209.zip");
            SampleDelivery.write(List.of(SampleSpec.preset("fbd").withWidth(5200)), delivery, 0);
            assertTrue(Files.size(delivery) > 100_000_000L, "the delivery must need many parts: " + Files.size(delivery));

            String key = "datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + ID;
            Path datasetDir = s3server.bucketDir(BUCKET).resolve(key);
            Path marker = datasetDir.resolve(S3Publisher.MARKER);

            // 1. start, wait until the upload is under way (marker written, parts arriving), kill -9
            Process first = ingest(home, catalogUri, delivery, tmp.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!(Files.exists(marker) && bytesUnder(s3server.bucketDir(BUCKET)) > 20_000_000L)) {
                assertTrue(first.isAlive(), "the first run ended before it could be killed: " + Files.readString(tmp.resolve("first.log")));
                assertTrue(System.nanoTime() < deadline, "the first run never started uploading");
                Thread.sleep(5);
            }
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertEquals(137, first.exitValue(), "killed by SIGKILL");

            // the kill left a half-published dataset: marker in place, zip unfinished, nothing indexed
            assertTrue(Files.exists(marker), "the marker outlives the killed publish");
            Map<String, Long> half = listing(s3, key);
            assertFalse(half.containsKey(ID + ".zip") && half.get(ID + ".zip") == Files.size(delivery), "the zip was not finished: " + half);
            assertFalse(catalog.contains(ID), "nothing is indexed before the publish is complete");
            System.out.println("killed mid-publish: " + bytesUnder(s3server.bucketDir(BUCKET)) + " bytes at the server, objects " + half);

            // 2. run again: the orphan is cleaned, the dataset published whole and indexed once
            Process second = ingest(home, catalogUri, delivery, tmp.resolve("second.log"), "--keep-work");
            assertTrue(second.waitFor(300, TimeUnit.SECONDS), "the second run finishes");
            String log = Files.readString(tmp.resolve("second.log"));
            assertEquals(0, second.exitValue(), log);
            assertTrue(log.contains("cleaning up an unfinished publish"), log);

            assertFalse(Files.exists(marker), "no marker after a complete publish");
            Path product = keptProductFolder(home);
            Map<String, Long> published = listing(s3, key);
            assertEquals(localListing(product), published, "every file of the product folder, with its size");
            assertEquals(sha256(delivery), sha256(s3.getObject(b -> b.bucket(BUCKET).key(key + "/" + ID + ".zip"), ResponseTransformer.toInputStream())),
                    "the published zip is the delivery, byte for byte");
            assertTrue(s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(key + "/")).uploads().isEmpty(), "no unfinished multipart uploads");

            assertEquals(1, catalog.count());
            List<ObjectNode> hits = catalog.search(SearchQuery.all());
            assertEquals(List.of(ID), hits.stream().map(d -> d.path("id").asText()).toList());
            assertEquals("http://127.0.0.1:" + port + "/" + BUCKET + "/" + key, hits.get(0).path("urls").path(0).asText());

            // 3. a third run finds it cataloged and does nothing
            Process third = ingest(home, catalogUri, delivery, tmp.resolve("third.log"));
            assertTrue(third.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, third.exitValue(), Files.readString(tmp.resolve("third.log")));
            assertEquals(1, catalog.count());
            assertEquals(published, listing(s3, key));
        } finally {
            os.drop(prefix);
        }
    }

    /** An upload that fails (here: no such bucket) fails the ingest with one line and indexes nothing. */
    @Test
    void aFailedUploadLeavesNothingIndexed() throws Exception {
        try (S3ProxyServer s3server = S3ProxyServer.start(Files.createDirectories(tmp.resolve("s3")))) {
            Path home = Files.createDirectories(tmp.resolve("home"));
            int port = s3server.endpoint().getPort();
            Files.writeString(home.resolve("settings.json"), "{\"DATASET_PUBLISH_ROOT\": \"s3://127.0.0.1:" + port + "/no-such-bucket\"}\n");
            Path delivery = tmp.resolve("0000148073_001001_ALOS2146686640-170209.zip");
            SampleDelivery.write(List.of(SampleSpec.preset("fbd").withWidth(300)), delivery, 6);
            String catalogUri = "sqlite:" + home.resolve("catalog.sqlite");
            Process p = ingest(home, catalogUri, delivery, tmp.resolve("run.log"));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String log = Files.readString(tmp.resolve("run.log"));
            assertEquals(1, p.exitValue(), log);
            assertTrue(log.contains("no-such-bucket") && log.contains("NoSuchBucket"), log);
            try (Catalog catalog = Catalogs.open(catalogUri)) {
                assertEquals(0, catalog.count());
            }
        }
    }

    private static Process ingest(Path home, String catalog, Path delivery, Path log, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", "--no-tiles",
                "--home", home.toString(), "--catalog", catalog));
        cmd.addAll(List.of(extra));
        cmd.add(delivery.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("OPENSEARCH_"));
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        return pb.start();
    }

    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try {
                    total += Files.size(p);
                } catch (IOException vanished) {
                    // s3proxy renames and deletes part files while we look
                }
            }
        } catch (java.io.UncheckedIOException vanished) {
            return total;
        }
        return total;
    }

    private static Map<String, Long> listing(S3Client s3, String key) {
        Map<String, Long> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(key + "/")).contents()) {
            if (!o.key().endsWith("/")) {
                out.put(o.key().substring(key.length() + 1), o.size());
            }
        }
        return out;
    }

    private static Path keptProductFolder(Path home) throws IOException {
        try (Stream<Path> walk = Files.walk(home.resolve("work"))) {
            return walk.filter(p -> p.getFileName().toString().equals(ID) && Files.isRegularFile(p.resolve(ID + ".zip")))
                    .findFirst().orElseThrow(() -> new AssertionError("--keep-work kept no product folder"));
        }
    }

    private static Map<String, Long> localListing(Path folder) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try (DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(d.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
