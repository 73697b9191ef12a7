package org.alos2ingest.publish;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.alos2ingest.config.Settings;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Publishes product folders to S3 (AWS, or any S3-compatible server), keeping HySDS's rule that a
 * dataset is never half there without saying so ({@link S3PublishMarker}): the marker
 * {@value #MARKER} is written at the location first, every file is uploaded ({@link S3Uploader},
 * large ones in parallel multipart parts), the listing is checked against the local files (every
 * key, every size), and only then is the marker deleted. A publish that fails is removed again; one
 * that died is removed by the next publish of the dataset.
 *
 * <p>Credentials come from the standard AWS chain (environment, {@code ~/.aws} profiles incl.
 * {@code AWS_PROFILE}, container and instance roles), never from the location.
 */
public final class S3Publisher implements Publisher {

    public static final String MARKER = S3PublishMarker.NAME;
    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

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
    private final S3Clients clients;
    private final S3Uploader uploader;

    public S3Publisher(Config config) {
        this.config = config;
        this.clients = new S3Clients(config.endpoint(), config.credentials());
        this.uploader = new S3Uploader(config);
    }

    @Override
    public boolean handles(String location) {
        return S3Location.isS3(location);
    }

    @Override
    public boolean exists(String location) {
        S3Location loc = location(location);
        try {
            return new S3PublishMarker(folder(loc)).complete();
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
        remove(folder(location(location)));
    }

    private static void remove(S3Folder folder) {
        try {
            new S3PublishMarker(folder).remove();
        } catch (SdkException e) {
            throw fail(folder.loc(), "cannot remove", e);
        }
    }

    private void place(S3Location loc, Map<String, Path> files, boolean replace) {
        try (S3PublishMarker.Claim claim = S3PublishMarker.claim(loc)) {
            S3Folder folder = folder(loc);
            S3PublishMarker marker = new S3PublishMarker(folder);
            boolean started = false;
            try {
                Map<String, Long> before = marker.prepare(replace);
                started = true;
                marker.put();
                uploader.upload(folder, files);
                marker.finish(files, before.keySet());
            } catch (IOException | RuntimeException e) {
                if (started) {
                    try {
                        remove(folder);
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                        LOG.warning(loc + ": could not clean up after a failed publish; the next publish will: " + cleanup.getMessage());
                    }
                }
                if (e instanceof PublishException p) {
                    throw p;
                }
                throw fail(loc, "cannot publish", e);
            }
        }
    }

    private S3Folder folder(S3Location loc) {
        return new S3Folder(clients.of(loc), loc, config.threads());
    }

    private static S3Location location(String location) {
        try {
            return S3Location.parse(location);
        } catch (IllegalArgumentException e) {
            throw new PublishException(null, "publish location '" + location + "': " + e.getMessage());
        }
    }

    private static PublishException fail(S3Location loc, String what, Exception e) {
        return new PublishException(loc + ": " + what + ": " + S3Errors.reason(e), e);
    }
}
