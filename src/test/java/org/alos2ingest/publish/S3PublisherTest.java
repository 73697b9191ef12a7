package org.alos2ingest.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.testing.S3ProxyServer;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 publisher against a real S3 server (s3proxy), multipart uploads included. */
class S3PublisherTest {

    static final String BUCKET = "datasets";
    @TempDir
    static Path serverDir;
    static S3ProxyServer server;
    static S3Client s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(serverDir);
        server.createBucket(BUCKET);
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    /** A publisher with 5 MiB parts (S3's smallest), three at a time. */
    static S3Publisher publisher(URI endpoint) {
        return new S3Publisher(new S3Publisher.Config(endpoint, S3Publisher.Config.MIN_PART_SIZE, 3,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)), Progress.silent()));
    }

    /** HySDS's host:port form, as the old datasets.json templates wrote it. */
    static String hostForm(String prefix) {
        return "s3://127.0.0.1:" + server.endpoint().getPort() + "/" + BUCKET + "/" + prefix;
    }

    static Path productFolder(Path parent, String id, int zipBytes) throws IOException {
        Path f = Files.createDirectories(parent.resolve(id));
        byte[] zip = new byte[zipBytes];
        new Random(zipBytes).nextBytes(zip);
        Files.write(f.resolve(id + ".zip"), zip);
        Files.writeString(f.resolve(id + ".met.json"), "{\"prod_name\": \"" + id + "\"}\n");
        Files.writeString(f.resolve(id + ".dataset.json"), "{\"version\": \"v0.2.4\", \"label\": \"" + id + "\"}\n");
        Files.write(f.resolve("HH.browse.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.createDirectories(f.resolve("tiles/HH/0/0"));
        Files.write(f.resolve("tiles/HH/0/0/0.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 9});
        Files.writeString(f.resolve("tiles/index.html"), "<html></html>");
        return f;
    }

    static Map<String, Long> listing(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix + "/")).contents()) {
            if (o.key().endsWith("/")) {
                continue; // s3proxy's filesystem backend lists its folders as objects
            }
            out.put(o.key().substring(prefix.length() + 1), o.size());
        }
        return out;
    }

    static Map<String, Long> local(Path folder) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        return out;
    }

    static byte[] object(String key) {
        return s3.getObject(b -> b.bucket(BUCKET).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    @Test
    void publishesEveryFileWithMultipartForLargeOnes() throws IOException {
        String id = "ALOS2146686640-170209-FBDR1.5GUA";
        String prefix = "datasets/L1.5_geotiff/v0.2.4/2017/02/09/" + id;
        Path folder = productFolder(tmp, id, 12 * 1024 * 1024 + 12345);
        S3Publisher p = publisher(null);
        assertFalse(p.exists(hostForm(prefix)));
        p.publish(folder, hostForm(prefix), false);

        assertEquals(local(folder), listing(prefix));
        assertArrayEquals(Files.readAllBytes(folder.resolve(id + ".zip")), object(prefix + "/" + id + ".zip"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("tiles/HH/0/0/0.png")), object(prefix + "/tiles/HH/0/0/0.png"));
        HeadObjectResponse zip = s3.headObject(b -> b.bucket(BUCKET).key(prefix + "/" + id + ".zip"));
        assertEquals("application/zip", zip.contentType());
        // a multipart object's ETag counts its parts: 12 MiB in 5 MiB parts is three
        assertTrue(zip.eTag().replace("\"", "").endsWith("-3"), "multipart ETag, got " + zip.eTag());
        assertEquals("application/json", s3.headObject(b -> b.bucket(BUCKET).key(prefix + "/" + id + ".met.json")).contentType());
        assertEquals("image/png", s3.headObject(b -> b.bucket(BUCKET).key(prefix + "/HH.browse.png")).contentType());
        assertTrue(s3.headObject(b -> b.bucket(BUCKET).key(prefix + "/tiles/index.html")).contentType().startsWith("text/html"));
        assertTrue(p.exists(hostForm(prefix)));
        assertFalse(listing(prefix).containsKey(S3Publisher.MARKER));
    }

    @Test
    void bucketFormUsesTheConfiguredEndpoint() throws IOException {
        Path folder = productFolder(tmp, "ALOS2000010010-200101-UBSR1.5GUD", 1000);
        S3Publisher p = publisher(server.endpoint());
        String location = "s3://" + BUCKET + "/bucket-form/ALOS2000010010-200101-UBSR1.5GUD";
        p.publish(folder, location, false);
        assertEquals(local(folder), listing("bucket-form/ALOS2000010010-200101-UBSR1.5GUD"));
        assertTrue(p.exists(location));
        p.remove(location);
        assertFalse(p.exists(location));
        assertEquals(Map.of(), listing("bucket-form/ALOS2000010010-200101-UBSR1.5GUD"));
    }

    @Test
    void noClobberUnlessReplacing() throws IOException {
        String prefix = "clobber/ALOS2000020010-200101-UBSR1.5GUD";
        Path first = productFolder(tmp.resolve("a"), "x", 2000);
        Files.writeString(first.resolve("only-in-the-old-copy.txt"), "old");
        S3Publisher p = publisher(null);
        p.publish(first, hostForm(prefix), false);
        Path second = productFolder(tmp.resolve("b"), "x", 3000);
        PublishException e = assertThrows(PublishException.class, () -> p.publish(second, hostForm(prefix), false));
        assertTrue(e.getMessage().contains("already published"), e.getMessage());
        assertEquals(local(first), listing(prefix));
        p.publish(second, hostForm(prefix), true);
        assertEquals(local(second), listing(prefix));
    }

    @Test
    void browseFilesArePublishedLoose() throws IOException {
        Path a = Files.write(tmp.resolve("HH.browse_small.png"), new byte[] {1, 2, 3});
        Path b = Files.write(tmp.resolve("HV.browse_small.png"), new byte[] {4, 5});
        S3Publisher p = publisher(null);
        p.publishFiles(List.of(a, b), hostForm("browse/x"), true);
        assertEquals(Map.of("HH.browse_small.png", 3L, "HV.browse_small.png", 2L), listing("browse/x"));
    }

    @Test
    void cleansAnOrphanLeftByADeadPublish() throws Exception {
        String prefix = "orphan/ALOS2000030010-200101-UBSR1.5GUD";
        String id = "ALOS2000030010-200101-UBSR1.5GUD";
        // what a publish killed half-way leaves: its marker (from a process now gone), one file, an unfinished multipart upload
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        putMarker(prefix, hostname(), gone.pid(), Instant.now().minusSeconds(5));
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + "/half-written.zip"), RequestBody.fromString("partial"));
        String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(prefix + "/" + id + ".zip")).uploadId();
        s3.uploadPart(b -> b.bucket(BUCKET).key(prefix + "/" + id + ".zip").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(new byte[(int) S3Publisher.Config.MIN_PART_SIZE]));
        S3Publisher p = publisher(null);
        assertFalse(p.exists(hostForm(prefix)), "a location with a marker is not a complete dataset");

        Path folder = productFolder(tmp, id, 6 * 1024 * 1024);
        p.publish(folder, hostForm(prefix), false);
        assertEquals(local(folder), listing(prefix));
        assertTrue(s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix + "/")).uploads().isEmpty(), "unfinished uploads are aborted");
        assertTrue(p.exists(hostForm(prefix)));
    }

    @Test
    void leavesALivePublishAlone() throws Exception {
        String prefix = "live/ALOS2000040010-200101-UBSR1.5GUD";
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Thread.sleep(50);
            putMarker(prefix, hostname(), alive.pid(), Instant.now());
            S3Publisher p = publisher(null);
            Path folder = productFolder(tmp, "x", 100);
            PublishException e = assertThrows(PublishException.class, () -> p.publish(folder, hostForm(prefix), true));
            assertTrue(e.getMessage().contains("being published by process " + alive.pid()), e.getMessage());
            assertEquals(Map.of(S3Publisher.MARKER, listing(prefix).get(S3Publisher.MARKER)), listing(prefix));
        } finally {
            alive.destroyForcibly();
        }
    }

    @Test
    void aMarkerFromAnotherHostIsAnOrphanOnlyAfterADay() throws Exception {
        String prefix = "elsewhere/ALOS2000050010-200101-UBSR1.5GUD";
        putMarker(prefix, "some-other-worker.example", 4242, Instant.now().minusSeconds(600));
        S3Publisher p = publisher(null);
        Path folder = productFolder(tmp, "x", 100);
        PublishException e = assertThrows(PublishException.class, () -> p.publish(folder, hostForm(prefix), true));
        assertTrue(e.getMessage().contains("on some-other-worker.example"), e.getMessage());
        putMarker(prefix, "some-other-worker.example", 4242, Instant.now().minusSeconds(25 * 3600));
        p.publish(folder, hostForm(prefix), true);
        assertEquals(local(folder), listing(prefix));
    }

    @Test
    void aMissingBucketIsAOneLineErrorAndLeavesNothing() throws IOException {
        S3Publisher p = publisher(null);
        Path folder = productFolder(tmp, "x", 100);
        String location = "s3://127.0.0.1:" + server.endpoint().getPort() + "/no-such-bucket/datasets/x";
        PublishException e = assertThrows(PublishException.class, () -> p.publish(folder, location, false));
        assertTrue(e.getMessage().contains("no-such-bucket") && e.getMessage().contains("NoSuchBucket"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void readsBothLocationForms() {
        S3Location a = S3Location.parse("s3://my-bucket/datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA");
        assertEquals("my-bucket", a.bucket());
        assertEquals("datasets/L1.5_geotiff/v0.2.4/2017/02/09/ALOS2146686640-170209-FBDR1.5GUA", a.prefix());
        assertNull(a.endpoint());
        assertNull(a.region());
        S3Location aws = S3Location.parse("s3://s3-us-west-2.amazonaws.com:80/aria-ops-dataset-bucket/datasets/x/");
        assertEquals("aria-ops-dataset-bucket", aws.bucket());
        assertEquals("datasets/x", aws.prefix());
        assertNull(aws.endpoint(), "AWS is reached at its own HTTPS endpoint whatever port the template says");
        assertEquals("us-west-2", aws.region());
        assertEquals("us-east-1", S3Location.parse("s3://s3.amazonaws.com/b/k").region());
        assertEquals("eu-central-1", S3Location.parse("s3://s3.eu-central-1.amazonaws.com/b/k").region());
        S3Location minio = S3Location.parse("s3://minio.local:9000/b/k/l");
        assertEquals(URI.create("http://minio.local:9000"), minio.endpoint());
        assertEquals("b", minio.bucket());
        assertEquals("k/l", minio.prefix());
        assertEquals(URI.create("https://store.example:443"), S3Location.parse("s3://store.example:443/b/k").endpoint());
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://bucket-only"));
        assertThrows(IllegalArgumentException.class, () -> S3Location.parse("s3://host:9000/bucket"));
    }

    @Test
    void contentTypes() {
        assertEquals("application/zip", S3Uploader.contentType(Path.of("a/ALOS2.zip")));
        assertEquals("application/json", S3Uploader.contentType(Path.of("x.met.json")));
        assertEquals("image/png", S3Uploader.contentType(Path.of("HH.browse_small.PNG")));
        assertEquals("text/html; charset=utf-8", S3Uploader.contentType(Path.of("index.html")));
        assertEquals("text/plain; charset=utf-8", S3Uploader.contentType(Path.of("LUT-HH.txt")));
        assertEquals("application/octet-stream", S3Uploader.contentType(Path.of("IMG-HH-ALOS2")));
    }

    private static void putMarker(String prefix, String host, long pid, Instant started) {
        String json = "{\"payload_id\": null, \"payload_hash\": null, \"task_id\": null, \"publisher\": \"alos2-ingest\", \"host\": \""
                + host + "\", \"pid\": " + pid + ", \"started\": \"" + started + "\"}";
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + "/" + S3Publisher.MARKER), RequestBody.fromString(json));
    }

    private static String hostname() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }
}
