package org.alos2ingest.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.util.FileRegion;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * The files of local publishing, read-only, under {@code /assets/}: single byte ranges, validators for
 * caches, media types by extension. A request reaches only regular files under the publish root: no
 * {@code ..} or encoded separators, no hidden files (publishing stages datasets in hidden folders, so an
 * unfinished one is never served), and no symbolic link whose target lies outside the root.
 */
final class AssetFiles {
    static final String PREFIX = "/assets/";

    private final Path root;

    AssetFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    void serve(Exchange ex, String rawPath) throws IOException {
        Path file = resolve(rawPath.substring(PREFIX.length()));
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw ApiError.notFound("no published file at " + rawPath);
        }
        if (!attrs.isRegularFile()) {
            throw ApiError.notFound("no published file at " + rawPath + " (folders are not listed)");
        }
        long size = attrs.size();
        Instant modified = attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
        String type = MediaTypes.of(file.getFileName().toString());
        var h = ex.response.getHeaders();
        h.put(HttpHeader.ETAG, etag);
        h.put(HttpHeader.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        h.put(HttpHeader.ACCEPT_RANGES, "bytes");
        h.put(HttpHeader.CONTENT_TYPE, type);
        h.put("X-Content-Type-Options", "nosniff");
        h.put(HttpHeader.CACHE_CONTROL, "public, max-age=300");
        if (notModified(ex, etag, modified)) {
            ex.noContent(304);
            return;
        }
        long[] range = range(ex, etag, modified, size);
        if (range != null && range.length == 0) {
            h.put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
            ex.error(new ApiError(416, "RangeNotSatisfiable", "Range: " + ex.header(HttpHeader.RANGE) + " is not within the file's " + size + " bytes"));
            return;
        }
        long from = range == null ? 0 : range[0];
        long length = range == null ? size : range[1] - range[0] + 1;
        if (range != null) {
            ex.response.setStatus(206);
            h.put(HttpHeader.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + size);
        } else {
            ex.response.setStatus(200);
        }
        boolean head = "HEAD".equals(ex.method());
        if (range == null && MediaTypes.compressible(type) && ex.acceptsGzip() && size < (8 << 20)) {
            byte[] gz = Exchange.gzip(Files.readAllBytes(file));
            h.put(HttpHeader.CONTENT_ENCODING, "gzip");
            h.add(HttpHeader.VARY, "Accept-Encoding");
            write(ex, head ? null : new java.io.ByteArrayInputStream(gz), gz.length);
            return;
        }
        if (head) {
            write(ex, null, length);
            return;
        }
        try (InputStream in = new FileRegion(FileChannel.open(file, StandardOpenOption.READ), from, length)) {
            write(ex, in, length);
        }
    }

    private static void write(Exchange ex, InputStream in, long length) throws IOException {
        ex.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        try (OutputStream out = Content.Sink.asOutputStream(ex.response)) {
            if (in != null) {
                in.transferTo(out);
            }
        }
        ex.callback.succeeded();
    }

    /**
     * The file a raw (still percent-encoded) path names, or an error. Each segment is decoded on its
     * own so that an encoded slash cannot join two segments into a climb.
     */
    Path resolve(String rawRelative) throws IOException {
        List<String> segments = new ArrayList<>();
        for (String raw : rawRelative.split("/", -1)) {
            String s = decode(raw);
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0) {
                throw new ApiError(400, "InvalidParameterValue", "path: expected a file below /assets/ without '..', '.', "
                        + "empty or encoded-separator segments");
            }
            if (s.startsWith(".")) {
                throw ApiError.notFound("no published file at /assets/" + rawRelative);
            }
            segments.add(s);
        }
        Path file = root;
        for (String s : segments) {
            file = file.resolve(s);
        }
        file = file.normalize();
        if (!file.startsWith(root)) {
            throw new ApiError(400, "InvalidParameterValue", "path: outside the published files");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
            throw ApiError.notFound("no published file at /assets/" + rawRelative);
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw ApiError.notFound("no published file at /assets/" + rawRelative);
        }
        if (!real.startsWith(root.toRealPath())) {
            // a link pointing out of the publish root: as if it were not there
            throw ApiError.notFound("no published file at /assets/" + rawRelative);
        }
        return real;
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new ApiError(400, "InvalidParameterValue", "path: malformed percent-encoding in '" + raw + "'");
                }
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean notModified(Exchange ex, String etag, Instant modified) {
        String inm = ex.header(HttpHeader.IF_NONE_MATCH);
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = httpDate(ex.header(HttpHeader.IF_MODIFIED_SINCE));
        return since != null && !modified.isAfter(since);
    }

    /** {@code {first, last}}, null for the whole file, or an empty array when unsatisfiable. */
    private static long[] range(Exchange ex, String etag, Instant modified, long size) {
        String header = ex.header(HttpHeader.RANGE);
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            // several ranges at once: the whole file is a valid answer and avoids multipart bodies
            return null;
        }
        String ifRange = ex.header(HttpHeader.IF_RANGE);
        if (ifRange != null && !ifRange.equals(etag)) {
            Instant t = httpDate(ifRange);
            if (t == null || modified.isAfter(t)) {
                return null;
            }
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                return suffix <= 0 || size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (!b.isEmpty() && Long.parseLong(b) < first) {
                return null;
            }
            if (first >= size) {
                return new long[0];
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant httpDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
