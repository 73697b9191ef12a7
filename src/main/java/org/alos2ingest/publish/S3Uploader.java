package org.alos2ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.alos2ingest.util.FileRegion;
import org.alos2ingest.util.Parallel;
import org.alos2ingest.util.Progress;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a dataset's files into its S3 folder, {@code threads} requests at a time: a file of at
 * least the part size in multipart parts (one file after the other, its parts in parallel), the
 * smaller files whole, several at once. A multipart upload that fails is aborted.
 */
final class S3Uploader {

    private final S3Publisher.Config config;

    S3Uploader(S3Publisher.Config config) {
        this.config = config;
    }

    /** Uploads every file, named by its key under the folder. */
    void upload(S3Folder folder, Map<String, Path> files) throws IOException {
        long total = 0;
        List<Map.Entry<String, Path>> small = new ArrayList<>();
        List<Map.Entry<String, Path>> large = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            long size = Files.size(e.getValue());
            total += size;
            (size >= config.partSize() ? large : small).add(e);
        }
        large.sort(Comparator.comparing(Map.Entry::getKey));
        S3Location loc = folder.loc();
        S3Client s3 = folder.s3();
        try (Progress.Task task = config.progress().start("upload " + loc.prefix().substring(loc.prefix().lastIndexOf('/') + 1), total,
                Progress.Unit.BYTES)) {
            for (Map.Entry<String, Path> e : large) {
                multipart(s3, loc.bucket(), loc.key(e.getKey()), e.getValue(), task);
            }
            Parallel.forEach(config.threads(), small, e -> {
                Path f = e.getValue();
                long size = Files.size(f);
                s3.putObject(b -> b.bucket(loc.bucket()).key(loc.key(e.getKey())).contentType(contentType(f)).contentLength(size),
                        RequestBody.fromFile(f));
                task.advance(size);
            });
        }
    }

    private void multipart(S3Client s3, String bucket, String key, Path file, Progress.Task task) throws IOException {
        long size = Files.size(file);
        long part = Math.max(config.partSize(), (size + S3Publisher.Config.MAX_PARTS - 1) / S3Publisher.Config.MAX_PARTS);
        int parts = (int) ((size + part - 1) / part);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType(file))).uploadId();
        try {
            List<CompletedPart> done = Parallel.map(config.threads(), IntStream.range(0, parts).boxed().toList(), i -> {
                int number = i + 1;
                long offset = i * part;
                long length = Math.min(part, size - offset);
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                        RequestBody.fromContentProvider(new FileSlice(file, offset, length), length, "application/octet-stream")).eTag();
                task.advance(length);
                return CompletedPart.builder().partNumber(number).eTag(etag).build();
            });
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(done)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    /** A part of a file, re-readable from its start for each retry the SDK makes. */
    private record FileSlice(Path file, long offset, long length) implements ContentStreamProvider {

        @Override
        public InputStream newStream() {
            try {
                return new FileRegion(FileChannel.open(file, StandardOpenOption.READ), offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Content types of the files a product folder holds, so that browsers show them. */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (name.endsWith(".cog.tif")) {
            return "image/tiff; application=geotiff; profile=cloud-optimized";
        }
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
}
