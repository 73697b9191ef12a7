package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.catalog.SearchQuery;
import org.alos2ingest.publish.S3Publisher;
import org.alos2ingest.sample.SampleDelivery;
import org.alos2ingest.sample.SampleSpec;
import org.alos2ingest.testing.ChildCli;
import org.alos2ingest.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 server (s3proxy, a real process) stopped while the command line, in its own process, is in
 * the middle of the multipart upload of a product zip, and started again on the same port over the
 * same data. The ingest must fail promptly with one line naming the endpoint and bucket, leave no
 * object under the zip's key and nothing in the catalog; the next run must clean what the cut
 * upload left (marker, unfinished multipart upload) and publish and catalog the dataset once.
 */
class S3StoppedDuringMultipartUploadTest {

    static final String BUCKET = "aria-datasets";
    static final String ID = "ALOS2146686640-170209-FBDR1.5GUA";
    static final String KEY = "datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + ID;

    @TempDir
    Path tmp;

    @Test
    void aPublishCutByTheServerStoppingFailsInOneLineAndTheNextRunPublishesAndCatalogsOnce() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        String catalogUri = "sqlite:" + home.resolve("catalog.sqlite");
        try (S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(tmp.resolve("s3")))) {
            server.createBucket(BUCKET);
            int port = server.endpoint().getPort();
            // 5 MiB parts, one at a time: the 60 MB zip is a dozen parts, uploaded one after the other
            Files.writeString(home.resolve("settings.json"), server.publishSettings(BUCKET, 1));
            Path delivery = tmp.resolve("0000148073_001001_ALOS2146686640-170209.zip");
            SampleDelivery.write(List.of(SampleSpec.preset("fbd").withWidth(4000)), delivery, 0);
            long zipSize = Files.size(delivery);
            assertTrue(zipSize > 40_000_000L, "the product zip must be many parts: " + zipSize);
            Path marker = server.bucketDir(BUCKET).resolve(KEY).resolve(S3Publisher.MARKER);

            // 1. ingest; stop the server once the marker is written and the first parts have arrived
            ChildCli first = ingest(home, catalogUri, delivery, tmp.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!(Files.exists(marker) && bytesUnder(server.bucketDir(BUCKET)) > 6_000_000L)) {
                assertTrue(first.process().isAlive(), "the ingest ended before the server could be stopped: " + first.output());
                assertTrue(System.nanoTime() < deadline, "the ingest never started its upload: " + first.output());
                Thread.sleep(5);
            }
            server.stop();
            long stopped = System.nanoTime();
            assertTrue(first.process().waitFor(120, TimeUnit.SECONDS), "the ingest does not hang on a stopped server: " + first.output());
            double secs = (System.nanoTime() - stopped) / 1e9;
            System.out.printf("the ingest failed %.1f s after the server stopped%n", secs);
            assertEquals(1, first.process().exitValue(), first.output());
            List<String> errors = first.lines().stream().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), first.output());
            String error = errors.get(0);
            assertTrue(error.contains("s3://127.0.0.1:" + port + "/" + BUCKET + "/" + KEY) && error.contains("cannot publish"), error);
            assertFalse(first.output().contains(S3ProxyServer.SECRET_KEY), "no secret in the output");

            // 2. the server is back, on its port, over its data: the cut upload left no object under the zip's key
            server.restart();
            try (S3Client s3 = server.client(); Catalog catalog = Catalogs.open(catalogUri)) {
                assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(BUCKET).key(KEY + "/" + ID + ".zip")));
                List<String> cut = s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(KEY + "/")).uploads().stream()
                        .map(u -> u.uploadId()).toList();
                List<String> left = allKeys(s3, cut);
                assertTrue(left.stream().allMatch(k -> k.equals(KEY + "/" + S3Publisher.MARKER)),
                        "in the whole bucket, at most the marker that says the dataset is incomplete: " + left);
                assertEquals(0, catalog.count(), "nothing is cataloged");
                System.out.println("after the cut: objects " + left + ", unfinished uploads " + cut);

                // 3. the re-run cleans up, publishes whole and catalogs once
                ChildCli second = ingest(home, catalogUri, delivery, tmp.resolve("second.log"));
                assertTrue(second.process().waitFor(240, TimeUnit.SECONDS), second.output());
                assertEquals(0, second.process().exitValue(), second.output());
                Map<String, Long> published = listing(s3);
                assertEquals(zipSize, published.get(ID + ".zip"), "the zip is whole: " + published);
                assertTrue(published.keySet().containsAll(List.of(ID + ".met.json", ID + ".dataset.json")), published.toString());
                assertFalse(published.containsKey(S3Publisher.MARKER), "complete: no marker");
                // the cut upload is aborted, or named as one the server would not abort (s3proxy refuses
                // an upload whose part it was receiving when it stopped); no upload of the re-run is left
                for (var u : s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(KEY + "/")).uploads()) {
                    assertTrue(cut.contains(u.uploadId()) && second.output().contains("would not abort the unfinished upload " + u.uploadId()),
                            u + "\n" + second.output());
                }
                assertEquals(1, catalog.count());
                assertEquals(List.of(ID), catalog.search(SearchQuery.all()).stream().map(d -> d.path("id").asText()).toList());
                // nothing else in the bucket: the dataset's folder and its two small browse images
                String browse = "browse/L1.5_geotiff/v0.2.4/2017/02/09/" + ID + "/";
                Set<String> expected = new TreeSet<>();
                published.keySet().forEach(k -> expected.add(KEY + "/" + k));
                expected.add(browse + "IMG-HH-" + ID + ".browse_small.png");
                expected.add(browse + "IMG-HV-" + ID + ".browse_small.png");
                assertEquals(expected, new TreeSet<>(allKeys(s3, cut)));
            }
        }
    }

    private static ChildCli ingest(Path home, String catalog, Path delivery, Path log) throws IOException {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
                "AWS_REGION", "us-east-1", "AWS_CONFIG_FILE", home.resolve("no-aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        return ChildCli.start(log, env, "ingest", "--no-tiles", "--home", home.toString(), "--catalog", catalog, delivery.toString());
    }

    private static Map<String, Long> listing(S3Client s3) {
        Map<String, Long> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(KEY + "/")).contents()) {
            if (!o.key().endsWith("/")) {
                out.put(o.key().substring(KEY.length() + 1), o.size());
            }
        }
        return out;
    }

    /**
     * Every object of the bucket but s3proxy's own bookkeeping of unfinished uploads: its filesystem
     * backend keeps them as blobs named by the upload id and under {@code .mpus-<id>-...}, which a
     * listing of the bucket's root shows (AWS's does not).
     */
    private static List<String> allKeys(S3Client s3, List<String> uploads) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key)
                .filter(k -> !k.endsWith("/") && !k.startsWith(".mpus-") && !uploads.contains(k)).toList();
    }

    private static long bytesUnder(Path dir) {
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
        } catch (IOException | java.io.UncheckedIOException vanished) {
            return total;
        }
        return total;
    }
}
