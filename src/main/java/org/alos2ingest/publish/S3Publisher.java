package org.alos2ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.config.Settings;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishes product folders to S3 (AWS, or any S3-compatible server), keeping HySDS's rule that a
 * dataset is never half there without saying so: a marker object {@code _publish.context.json} is
 * written at the location first, every file is uploaded (large ones in parallel multipart parts), the
 * listing is checked against the local files (every key, every size), and only then is the marker
 * deleted. A location holding objects and no marker is a complete dataset; one with a marker is being
 * published, or is an orphan left by a publish that died, which the next publish of that dataset
 * removes (objects, marker and unfinished multipart uploads) before it starts again.
 *
 * <p>A marker is taken as an orphan when the process that wrote it is gone (same host, pid dead or
 * reused) or when it is older than a day; a marker from a live process, or from another host within
 * the day, stops the publish with an error naming that process. S3 has no rename: replacing a dataset
 * overwrites it in place, under the marker, so readers see it as incomplete until the new copy is whole.
 *
 * <p>Credentials come from the standard AWS chain (environment, {@code ~/.aws} profiles incl.
 * {@code AWS_PROFILE}, container and instance roles), never from the location.
 */
public final class S3Publisher implements Publisher {

    public static final String MARKER = "_publish.context.json";
    private static final Duration STALE_AFTER = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger("org.alos2ingest");
    private static final Set<String> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    /**
     * How to reach S3 and how to upload.
     *
     * @param endpoint    an S3-compatible endpoint for {@code s3://bucket/...} locations (null: AWS)
     * @param partSize    multipart part size; files of at least this size are uploaded in parts
     * @param threads     parts (or small files) uploaded at once
     * @param credentials null for the standard AWS chain
     */
    public record Config(URI endpoint, long partSize, int threads, AwsCredentialsProvider credentials, Progress progress) {

        public static final long DEFAULT_PART_SIZE = 64L << 20;
        /** S3's smallest part (all but the last). */
        public static final long MIN_PART_SIZE = 5L << 20;
        /** S3 allows at most this many parts in one upload. */
        static final int MAX_PARTS = 10_000;

        public Config {
            if (partSize < MIN_PART_SIZE) {
                throw new IllegalArgumentException("S3 part size " + Sizes.human(partSize) + " is below S3's minimum of 5 MiB");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("S3 upload threads must be at least 1");
            }
        }

        /**
         * From settings ({@code S3_ENDPOINT_URL}, {@code S3_PART_SIZE}, {@code S3_UPLOAD_THREADS}),
         * then the environment's {@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL}.
         */
        public static Config from(Settings settings, Map<String, String> env, Progress progress) {
            String endpoint = settings.get("S3_ENDPOINT_URL").filter(s -> !s.isBlank())
                    .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL_S3")).filter(s -> !s.isBlank()))
                    .or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()))
                    .orElse(null);
            long part = settings.get("S3_PART_SIZE").map(Sizes::parse).orElse(DEFAULT_PART_SIZE);
            int threads = settings.get("S3_UPLOAD_THREADS").map(Integer::parseInt).orElse(4);
            return new Config(endpoint == null ? null : URI.create(endpoint), part, threads, null, progress);
        }
    }

    private final Config config;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3Publisher(Config config) {
        this.config = config;
    }

    @Override
    public boolean handles(String location) {
        return S3Location.isS3(location);
    }

    @Override
    public boolean exists(String location) {
        S3Location loc = location(location);
        try {
            Map<String, Long> listing = list(client(loc), loc);
            return !listing.isEmpty() && !listing.containsKey(loc.key(MARKER));
        } catch (SdkException e) {
            throw fail(loc, "cannot list", e);
        }
    }

    @Override
    public void publish(Path productFolder, String location, boolean replace) {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(productFolder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(f -> files.put(productFolder.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new PublishException(productFolder, "cannot read the product folder: " + e.getMessage(), e);
        }
        place(location(location), files, replace);
    }

    @Override
    public void publishFiles(List<Path> files, String location, boolean replace) {
        Map<String, Path> named = new LinkedHashMap<>();
        files.forEach(f -> named.put(f.getFileName().toString(), f));
        place(location(location), named, replace);
    }

    @Override
    public void remove(String location) {
        remove(location(location));
    }

    private void remove(S3Location loc) {
        S3Client s3 = client(loc);
        try {
            Map<String, Long> listing = list(s3, loc);
            abortUploads(s3, loc);
            if (listing.isEmpty()) {
                return;
            }
            // Under the marker, a reader sees the dataset go as a whole, not file by file.
            putMarker(s3, loc);
            deleteAll(s3, loc, listing.keySet().stream().filter(k -> !k.equals(loc.key(MARKER))).toList());
            s3.deleteObject(b -> b.bucket(loc.bucket()).key(loc.key(MARKER)));
        } catch (SdkException | IOException e) {
            throw fail(loc, "cannot remove", e);
        }
    }

    // ---- publishing --------------------------------------------------------------------------

    private void place(S3Location loc, Map<String, Path> files, boolean replace) {
        String token = loc.bucket() + "/" + loc.prefix();
        if (!IN_PROGRESS.add(token)) {
            throw new PublishException(null, loc + ": already being published by this process");
        }
        S3Client s3 = client(loc);
        boolean started = false;
        try {
            Map<String, Long> before = list(s3, loc);
            String marker = loc.key(MARKER);
            if (before.containsKey(marker)) {
                String why = orphan(s3, loc);
                LOG.warning(loc + ": cleaning up an unfinished publish (" + why + ")");
                abortUploads(s3, loc);
                deleteAll(s3, loc, new ArrayList<>(before.keySet()));
                before = Map.of();
            } else if (!before.isEmpty() && !replace) {
                throw new PublishException(null, loc + ": a dataset is already published here (use --force to replace it)");
            }
            started = true;
            putMarker(s3, loc);
            upload(s3, loc, files);
            verify(s3, loc, files);
            List<String> leftovers = new ArrayList<>();
            for (String key : before.keySet()) {
                if (!files.containsKey(key.substring(loc.keyPrefix().length()))) {
                    leftovers.add(key);
                }
            }
            deleteAll(s3, loc, leftovers);
            s3.deleteObject(b -> b.bucket(loc.bucket()).key(marker));
        } catch (IOException | RuntimeException e) {
            if (started) {
                try {
                    remove(loc);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                    LOG.warning(loc + ": could not clean up after a failed publish; the next publish will: " + cleanup.getMessage());
                }
            }
            if (e instanceof PublishException p) {
                throw p;
            }
            throw fail(loc, "cannot publish", e);
        } finally {
            IN_PROGRESS.remove(token);
        }
    }

    /**
     * Why the marker at the location belongs to a dead publish; throws when it belongs to a live one
     * (or to one this process cannot judge, on another host, less than a day old).
     */
    private String orphan(S3Client s3, S3Location loc) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(s3.getObject(b -> b.bucket(loc.bucket()).key(loc.key(MARKER)), ResponseTransformer.toBytes()).asUtf8String());
        } catch (NoSuchKeyException e) {
            return "its marker vanished";
        } catch (IOException | RuntimeException e) {
            return "its marker is unreadable";
        }
        if (!"alos2-ingest".equals(m.path("publisher").asText())) {
            Instant when = parseInstant(m.path("started").asText(null));
            if (when == null || Duration.between(when, Instant.now()).compareTo(STALE_AFTER) <= 0) {
                throw new PublishException(null, loc + ": another tool's publish marker " + MARKER + " is here (payload_id "
                        + m.path("payload_id").asText("none") + "); remove it if that publish failed");
            }
        }
        Instant started = parseInstant(m.path("started").asText(null));
        if (started == null) {
            return "its marker has no start time";
        }
        if (Duration.between(started, Instant.now()).compareTo(STALE_AFTER) > 0) {
            return "started " + started + ", more than a day ago";
        }
        String host = m.path("host").asText();
        long pid = m.path("pid").asLong(-1);
        if (host.equals(hostname())) {
            if (pid == ProcessHandle.current().pid()) {
                return "left by an earlier failed attempt of this process";
            }
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            boolean alive = p.map(ProcessHandle::isAlive).orElse(false);
            Optional<Instant> since = p.flatMap(h -> h.info().startInstant());
            if (!alive || since.map(s -> s.isAfter(started.plusSeconds(1))).orElse(false)) {
                return "process " + pid + " that started it on " + host + " at " + started + " is gone";
            }
            throw new PublishException(null, loc + ": being published by process " + pid + " on this host since " + started);
        }
        throw new PublishException(null, loc + ": being published by process " + pid + " on " + host + " since " + started
                + " (if that publish died, the location is cleaned once the marker is a day old, or delete " + MARKER + " by hand)");
    }

    private static Instant parseInstant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void putMarker(S3Client s3, S3Location loc) {
        ObjectNode m = Json.object();
        // HySDS's fields, so that its tools recognise the marker; alos2-ingest judges by the rest.
        m.putNull("payload_id");
        m.putNull("payload_hash");
        m.putNull("task_id");
        m.put("publisher", "alos2-ingest");
        m.put("host", hostname());
        m.put("pid", ProcessHandle.current().pid());
        m.put("started", Instant.now().toString());
        s3.putObject(b -> b.bucket(loc.bucket()).key(loc.key(MARKER)).contentType("application/json"),
                RequestBody.fromString(Json.compact(m), StandardCharsets.UTF_8));
    }

    /** Uploads every file; big ones one at a time in parallel parts, small ones several at a time. */
    private void upload(S3Client s3, S3Location loc, Map<String, Path> files) throws IOException {
        long total = 0;
        List<Map.Entry<String, Path>> small = new ArrayList<>();
        List<Map.Entry<String, Path>> large = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            long size = Files.size(e.getValue());
            total += size;
            (size >= config.partSize() ? large : small).add(e);
        }
        large.sort(Comparator.comparing(Map.Entry::getKey));
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "s3-upload");
            t.setDaemon(true);
            return t;
        });
        try (Progress.Task task = config.progress().start("upload " + loc.prefix().substring(loc.prefix().lastIndexOf('/') + 1), total, Progress.Unit.BYTES)) {
            for (Map.Entry<String, Path> e : large) {
                multipart(s3, loc.bucket(), loc.key(e.getKey()), e.getValue(), pool, task);
            }
            List<Future<Object>> futures = new ArrayList<>();
            for (Map.Entry<String, Path> e : small) {
                futures.add(pool.<Object>submit(() -> {
                    Path f = e.getValue();
                    long size = Files.size(f);
                    s3.putObject(b -> b.bucket(loc.bucket()).key(loc.key(e.getKey())).contentType(contentType(f)).contentLength(size),
                            RequestBody.fromFile(f));
                    task.advance(size);
                    return null;
                }));
            }
            await(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    private void multipart(S3Client s3, String bucket, String key, Path file, ExecutorService pool, Progress.Task task) throws IOException {
        long size = Files.size(file);
        long part = Math.max(config.partSize(), (size + Config.MAX_PARTS - 1) / Config.MAX_PARTS);
        int parts = (int) ((size + part - 1) / part);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType(file))).uploadId();
        try {
            List<Future<CompletedPart>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long offset = i * part;
                long length = Math.min(part, size - offset);
                futures.add(pool.submit(() -> {
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                            RequestBody.fromContentProvider(slice(file, offset, length), length, "application/octet-stream")).eTag();
                    task.advance(length);
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                }));
            }
            List<CompletedPart> done = await(futures);
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(done)));
        } catch (RuntimeException | IOException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    /** A part of a file, re-readable from its start for each retry the SDK makes. */
    private static ContentStreamProvider slice(Path file, long offset, long length) {
        return () -> {
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                ch.position(offset);
                InputStream in = Channels.newInputStream(ch);
                return new java.io.FilterInputStream(in) {
                    private long left = length;

                    @Override
                    public int read() throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int b = super.read();
                        if (b >= 0) {
                            left--;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = super.read(b, off, (int) Math.min(len, left));
                        if (n > 0) {
                            left -= n;
                        }
                        return n;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static <T> List<T> await(List<Future<T>> futures) throws IOException {
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c);
        }
        return out;
    }

    /** Every file is there with its size: only then does the marker go. */
    private void verify(S3Client s3, S3Location loc, Map<String, Path> files) throws IOException {
        Map<String, Long> listing = list(s3, loc);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Long remote = listing.get(loc.key(e.getKey()));
            long local = Files.size(e.getValue());
            if (remote == null) {
                throw new PublishException(null, loc + ": " + e.getKey() + " is missing after its upload");
            }
            if (remote != local) {
                throw new PublishException(null, loc + ": " + e.getKey() + " has " + remote + " bytes after its upload, not " + local);
            }
        }
    }

    private static Map<String, Long> list(S3Client s3, S3Location loc) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(loc.bucket()).prefix(loc.keyPrefix())).contents()) {
            if (o.key().endsWith("/")) {
                // a "folder" placeholder (consoles make them; file-system backed servers list their folders so)
                continue;
            }
            out.put(o.key(), o.size());
        }
        return out;
    }

    private static void abortUploads(S3Client s3, S3Location loc) {
        try {
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(loc.bucket()).prefix(loc.keyPrefix())).uploads()) {
                s3.abortMultipartUpload(b -> b.bucket(loc.bucket()).key(u.key()).uploadId(u.uploadId()));
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            // a server without upload listing keeps its unfinished parts out of the listing anyway
        }
    }

    private void deleteAll(S3Client s3, S3Location loc, List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.threads(), keys.size()));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (String k : keys) {
                futures.add(pool.<Object>submit(() -> s3.deleteObject(b -> b.bucket(loc.bucket()).key(k))));
            }
            await(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Content types of the files a product folder holds, so that browsers show them. */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "zip" -> "application/zip";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            case "html", "htm" -> "text/html; charset=utf-8";
            case "txt", "log" -> "text/plain; charset=utf-8";
            case "kml" -> "application/vnd.google-earth.kml+xml";
            case "xml" -> "application/xml";
            case "js" -> "text/javascript";
            case "css" -> "text/css";
            default -> "application/octet-stream";
        };
    }

    // ---- clients -----------------------------------------------------------------------------

    private static S3Location location(String location) {
        try {
            return S3Location.parse(location);
        } catch (IllegalArgumentException e) {
            throw new PublishException(null, "publish location '" + location + "': " + e.getMessage());
        }
    }

    private S3Client client(S3Location loc) {
        URI endpoint = loc.endpoint() != null ? loc.endpoint() : config.endpoint();
        String key = endpoint + "|" + loc.region();
        return clients.computeIfAbsent(key, k -> build(endpoint, loc.region()));
    }

    private S3Client build(URI endpoint, String region) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)).connectionTimeout(Duration.ofSeconds(30)))
                .credentialsProvider(config.credentials() != null ? config.credentials() : DefaultCredentialsProvider.builder().build())
                // Integrity comes from the size check before the marker goes; optional checksum headers
                // are left out because S3-compatible servers do not all understand them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            b.endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region != null ? region : regionOr("us-east-1")));
        } else {
            b.region(Region.of(region != null ? region : regionOr("us-east-1"))).crossRegionAccessEnabled(true);
        }
        return b.build();
    }

    private static String regionOr(String fallback) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            return fallback;
        }
    }

    private static PublishException fail(S3Location loc, String what, Exception e) {
        String reason = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? s3e.awsErrorDetails().errorCode() + " (HTTP " + s3e.statusCode() + "): " + s3e.awsErrorDetails().errorMessage()
                : e.getMessage();
        return new PublishException(loc + ": " + what + ": " + reason, e);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
