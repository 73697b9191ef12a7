package org.alos2ingest.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy (Maven Central's jar-with-dependencies, run in its own JVM so
 * that its libraries stay off the test classpath) over a filesystem backend in a temporary folder,
 * on a port the kernel picks. Objects are plain files under {@link #bucketDir}, which lets a test
 * watch a publish from outside.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "alos2-test-access";
    public static final String SECRET_KEY = "alos2-test-secret";
    private static final Pattern STARTED = Pattern.compile("Started ServerConnector.*\\{127\\.0\\.0\\.1:(\\d+)}");

    private final Path folder;
    private final Path data;
    private final Path log;
    private final URI endpoint;
    private Process process;

    private S3ProxyServer(Process process, Path folder, Path data, Path log, URI endpoint) {
        this.process = process;
        this.folder = folder;
        this.data = data;
        this.log = log;
        this.endpoint = endpoint;
    }

    public static S3ProxyServer start(Path folder) throws IOException, InterruptedException {
        Path data = Files.createDirectories(folder.resolve("s3-data"));
        Launch l = launch(folder, data, 0);
        return new S3ProxyServer(l.process(), folder, data, l.log(), URI.create("http://127.0.0.1:" + l.port()));
    }

    /**
     * Stops the server as an operator or a crash would (SIGTERM, then SIGKILL after 10 s): every
     * connection it holds is cut; its objects, unfinished multipart uploads included, stay on disk.
     */
    public synchronized void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a stopped server again, on the same port over the same data. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("s3proxy still runs");
        }
        process = launch(folder, data, endpoint.getPort()).process();
    }

    private record Launch(Process process, Path log, int port) {
    }

    private static Launch launch(Path folder, Path data, int port) throws IOException, InterruptedException {
        Path props = folder.resolve("s3proxy.properties");
        Files.write(props, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data));
        Path log = folder.resolve("s3proxy.log");
        // appended to: a restart keeps what the earlier run said, and looks only at what it says itself
        long from = Files.exists(log) ? Files.size(log) : 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar().toString(), "--properties", props.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            Matcher m = STARTED.matcher(text.substring((int) Math.min(from, text.length())));
            if (m.find()) {
                return new Launch(p, log, Integer.parseInt(m.group(1)));
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("s3proxy did not start: " + Files.readString(log));
    }

    private static Path jar() {
        String prop = System.getProperty("alos2ingest.s3proxy.jar");
        if (prop != null && Files.isRegularFile(Path.of(prop))) {
            return Path.of(prop);
        }
        throw new IllegalStateException("no s3proxy jar: run the tests with Maven, which copies it into target/test-servers");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The folder holding a bucket's objects, one file per object, keys as paths. */
    public Path bucketDir(String bucket) {
        return data.resolve(bucket);
    }

    /** A client for checking what the server holds. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    public void createBucket(String bucket) {
        try (S3Client c = client()) {
            c.createBucket(b -> b.bucket(bucket));
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * A home's settings.json publishing to {@code bucket} on this server in HySDS's
     * {@code s3://host:port/bucket} form, in 5 MiB parts, {@code uploadThreads} at a time: small
     * parts, so that a test's zip is many of them.
     */
    public String publishSettings(String bucket, int uploadThreads) {
        int port = endpoint().getPort();
        return "{\n"
                + "  \"DATASET_PUBLISH_ROOT\": \"s3://127.0.0.1:" + port + "/" + bucket + "\",\n"
                + "  \"DATASET_URL_ROOT\": \"http://127.0.0.1:" + port + "/" + bucket + "\",\n"
                + "  \"S3_PART_SIZE\": \"5M\",\n"
                + "  \"S3_UPLOAD_THREADS\": \"" + uploadThreads + "\"\n}\n";
    }
}
