package org.alos2ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.util.Progress;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Downloads one file robustly: into a hidden {@code .part} file that is renamed to its real name
 * only when complete; after a cut connection it resumes where it stopped ({@code Range: bytes=N-},
 * with {@code If-Range} so that a file changed on the server is fetched afresh rather than spliced);
 * transient failures are retried with backoff; the size is checked against {@code Content-Length};
 * and a body that should be a zip but is an HTML page is reported as such (with the page, so the
 * source can say whether the login failed or the order is unknown) instead of being saved.
 *
 * <p>The partial file and a small sidecar ({@code .part.json}: URL, validator, size) survive a failed
 * run when {@link FetchConfig#partialDir()} is set, so that the next run resumes the same download.
 */
public final class HttpDownloader {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");
    private static final int PAGE_LIMIT = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpSession session;
    private final Progress progress;

    public HttpDownloader(HttpSession session, Progress progress) {
        this.session = session;
        this.progress = progress;
    }

    /** A finished download. */
    public record Download(Path file, String fileName, long bytes, Transfer transfer, String contentType) {
    }

    /**
     * Downloads {@code uri} into {@code targetDir}, named after Content-Disposition or the URL's last segment.
     *
     * @param expectZip refuse a body that is not a zip (checked by its first bytes and, at the end, its central directory)
     */
    public Download download(URI uri, Path targetDir, boolean expectZip) {
        String display = Urls.display(uri);
        Path partDir = session.config().partialDir() != null ? session.config().partialDir() : targetDir;
        Path part;
        Path sidecar;
        try {
            Files.createDirectories(partDir);
            Files.createDirectories(targetDir);
            String key = hash(uri.toString());
            part = partDir.resolve(".download-" + key + ".part");
            sidecar = partDir.resolve(".download-" + key + ".part.json");
        } catch (IOException e) {
            throw new FetchException(partDir, "cannot create download folder: " + e.getMessage());
        }
        Instant start = Instant.now();
        PartRecord st = PartRecord.load(sidecar, part, display);
        int failures = 0;
        Progress.Task task = null;
        try {
            while (true) {
                long have = size(part);
                HttpSession.Request req = HttpSession.Request.get(uri);
                if (have > 0) {
                    req = req.withHeader("Range", "bytes=" + have + "-");
                    if (st.validator != null) {
                        req = req.withHeader("If-Range", st.validator);
                    }
                }
                long before = have;
                try (HttpSession.Response r = session.send(req)) {
                    int status = r.status();
                    long offset;
                    long total;
                    if (status == 206) {
                        Matcher m = CONTENT_RANGE.matcher(r.header("Content-Range").orElse(""));
                        if (!m.find() || Long.parseLong(m.group(1)) != have) {
                            LOG.warning(display + ": the server resumed at an unexpected place (" + r.header("Content-Range").orElse("no Content-Range")
                                    + "), starting over");
                            Files.deleteIfExists(part);
                            continue;
                        }
                        offset = have;
                        total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                    } else if (status == 200) {
                        if (have > 0) {
                            LOG.info(display + ": the server sent the whole file instead of the rest (no Range support, or the file changed); starting over");
                        }
                        offset = 0;
                        total = r.contentLength();
                    } else if (status == 416 && have > 0) {
                        long whole = r.header("Content-Range").map(HttpDownloader::completeLength).orElse(-1L);
                        if (whole == have) {
                            st.fileName = st.fileName != null ? st.fileName : nameOf(r, uri);
                            break;
                        }
                        Files.deleteIfExists(part);
                        continue;
                    } else {
                        throw statusError(r, display, session.config().retries());
                    }
                    String name = ContentDisposition.fileName(r.header("Content-Disposition").orElse(null))
                            .or(() -> ContentDisposition.lastSegment(r.uri()))
                            .or(() -> ContentDisposition.lastSegment(uri))
                            .orElse("download");
                    st.fileName = name;
                    st.total = total;
                    st.validator = r.header("ETag").filter(e -> !e.startsWith("W/")).or(() -> r.header("Last-Modified")).orElse(null);
                    st.save(sidecar);
                    if (task == null) {
                        task = progress.start("download " + name, total, Progress.Unit.BYTES);
                        task.advance(offset);
                    }
                    have = receive(r, part, offset, total, expectZip, task, uri);
                    if (total >= 0 && have < total) {
                        throw new IOException("connection closed after " + have + " of " + total + " bytes");
                    }
                    if (total >= 0 && have > total) {
                        throw new FetchException(display + ": received " + have + " bytes but Content-Length said " + total);
                    }
                    break;
                } catch (IOException e) {
                    long now = size(part);
                    if (now > before) {
                        failures = 0;
                    }
                    if (!HttpFailures.isRetryable(e) || failures >= session.config().retries()) {
                        throw new FetchException(display + ": " + HttpFailures.describe(e) + " (after " + failures + " retries; "
                                + now + " bytes kept for resuming)", e);
                    }
                    failures++;
                    long wait = session.backoff(failures, Optional.empty());
                    LOG.warning(display + ": " + HttpFailures.describe(e) + " at byte " + now + ", resuming in " + wait / 1000.0 + " s (retry "
                            + failures + " of " + session.config().retries() + ")");
                    HttpFailures.sleep(wait);
                }
            }
            Path target = targetDir.resolve(st.fileName);
            moveInto(part, target);
            Files.deleteIfExists(sidecar);
            long bytes = Files.size(target);
            if (expectZip) {
                verifyZip(target, display);
            }
            Instant end = Instant.now();
            return new Download(target, st.fileName, bytes, new Transfer(display, Path.of(st.fileName), bytes, start, end), null);
        } catch (IOException e) {
            throw new FetchException(display + ": cannot save download: " + e.getMessage(), e);
        } catch (FetchException e) {
            if (size(part) == 0) {
                // nothing worth resuming: leave no trace
                deleteQuietly(part);
                deleteQuietly(sidecar);
            }
            throw e;
        } finally {
            if (task != null) {
                task.close();
            }
        }
    }

    /** Streams the body into the part file from {@code offset}; returns the part file's size afterwards. */
    private long receive(HttpSession.Response r, Path part, long offset, long total, boolean expectZip, Progress.Task task, URI uri)
            throws IOException {
        InputStream in = r.body();
        byte[] buf = new byte[PAGE_LIMIT];
        int filled = 0;
        if (expectZip) {
            // the first bytes decide whether this is the data or a page about it
            while (filled < 4) {
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            boolean html = r.contentType().contains("html");
            boolean zipStart = offset > 0 || isZipMagic(buf, filled);
            if (!zipStart || (offset > 0 && html)) {
                int more = in.readNBytes(buf, filled, Math.min(buf.length, PAGE_LIMIT) - filled);
                String page = new String(buf, 0, filled + Math.max(0, more), StandardCharsets.UTF_8);
                throw new UnexpectedPageException(r.uri(), r.status(), r.contentType(), page);
            }
        }
        StandardOpenOption mode = offset == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer head = ByteBuffer.wrap(buf, 0, filled);
            while (head.hasRemaining()) {
                out.write(head);
            }
            task.advance(filled);
            long pos = offset + filled;
            BodyToFile.copy(in, out, total < 0 ? -1 : total - pos, task);
            return out.size();
        }
    }

    /** Local file header, empty archive, or spanned-archive marker. */
    static boolean isZipMagic(byte[] b, int n) {
        return n >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6) || (b[2] == 7 && b[3] == 8));
    }

    private static void verifyZip(Path file, String display) {
        try (ZipFile zf = ZipFile.builder().setPath(file).get()) {
            if (!zf.getEntries().hasMoreElements()) {
                throw new FetchException(file, "downloaded from " + display + " but the zip is empty");
            }
        } catch (IOException e) {
            throw new FetchException(file, "downloaded from " + display + " but it is not a readable zip: " + e.getMessage());
        }
    }

    private static FetchException statusError(HttpSession.Response r, String display, int retries) throws IOException {
        String page = r.text(PAGE_LIMIT);
        String title = UnexpectedPageException.title(page);
        String why = switch (r.status()) {
            case 401 -> "login refused (HTTP 401): check the user and password (.netrc machine " + r.uri().getHost() + ")";
            case 403 -> "access denied (HTTP 403)";
            case 404 -> "not found (HTTP 404)";
            default -> "HTTP " + r.status();
        };
        if (r.status() >= 500) {
            why += " (after " + retries + " retries)";
        }
        return new HttpStatusException(display + ": " + why + (title.isEmpty() ? "" : " '" + title + "'"), r.status(), page);
    }

    /** A final HTTP error status, with the page the server sent. */
    public static final class HttpStatusException extends FetchException {
        private final int status;
        private final String page;

        HttpStatusException(String message, int status, String page) {
            super(message);
            this.status = status;
            this.page = page;
        }

        public int status() {
            return status;
        }

        public String page() {
            return page;
        }
    }

    private static String nameOf(HttpSession.Response r, URI uri) {
        return ContentDisposition.fileName(r.header("Content-Disposition").orElse(null))
                .or(() -> ContentDisposition.lastSegment(uri)).orElse("download");
    }

    private static long completeLength(String contentRange) {
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void moveInto(Path part, Path target) throws IOException {
        if (!Files.exists(part)) {
            Files.createFile(part);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".copy");
            Files.copy(part, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(part);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray hidden file in the work folder is harmless
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
