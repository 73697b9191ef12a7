package org.alos2ingest.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.logging.Logger;

import org.alos2ingest.util.Parallel;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under one S3 location, through the client of its service: listed, deleted
 * {@code threads} at a time, and the location's unfinished multipart uploads aborted.
 */
record S3Folder(S3Client s3, S3Location loc, int threads) {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest");

    /** Every object's key and size; "folder" placeholders are left out. */
    Map<String, Long> list() {
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

    void delete(String key) {
        s3.deleteObject(b -> b.bucket(loc.bucket()).key(key));
    }

    void deleteAll(List<String> keys) {
        Parallel.forEach(threads, keys, this::delete);
    }

    /**
     * Aborts the location's unfinished multipart uploads. One the server will not abort (s3proxy
     * refuses one whose part upload was cut off by its own stop) is left to the bucket's lifecycle
     * rule: it is invisible to readers, and a new upload of the same key does not need it gone.
     */
    void abortUploads() {
        List<MultipartUpload> uploads;
        try {
            uploads = s3.listMultipartUploadsPaginator(b -> b.bucket(loc.bucket()).prefix(loc.keyPrefix())).uploads().stream().toList();
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            // a server without upload listing keeps its unfinished parts out of the listing anyway
            return;
        }
        for (MultipartUpload u : uploads) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(loc.bucket()).key(u.key()).uploadId(u.uploadId()));
            } catch (NoSuchUploadException gone) {
                // finished or aborted meanwhile
            } catch (S3Exception e) {
                LOG.warning("s3://" + loc.bucket() + "/" + u.key() + ": the server would not abort the unfinished upload " + u.uploadId()
                        + " (" + S3Errors.reason(e) + "); a lifecycle rule (AbortIncompleteMultipartUpload) removes its parts");
            }
        }
    }
}
