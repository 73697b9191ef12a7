package org.alos2ingest.fetch;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The file name a server gives in {@code Content-Disposition} (RFC 6266): {@code filename*=UTF-8''...}
 * (RFC 8187, preferred), {@code filename="..."} (quoted, with backslash escapes), or
 * {@code filename=...} as AUIG2 sends it. The name is reduced to its last path segment and refused
 * when it could escape a folder, so a hostile server cannot choose where the file goes.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static Optional<String> fileName(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String extended = null;
        String plain = null;
        int p = 0;
        int n = header.length();
        while (p < n) {
            int eq = header.indexOf('=', p);
            int semi = header.indexOf(';', p);
            if (eq < 0) {
                break;
            }
            if (semi >= 0 && semi < eq) {
                p = semi + 1;
                continue;
            }
            String key = header.substring(p, eq).strip().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < n && header.charAt(v) == ' ') {
                v++;
            }
            String value;
            if (v < n && header.charAt(v) == '"') {
                StringBuilder sb = new StringBuilder();
                v++;
                while (v < n && header.charAt(v) != '"') {
                    if (header.charAt(v) == '\\' && v + 1 < n) {
                        v++;
                    }
                    sb.append(header.charAt(v++));
                }
                value = sb.toString();
                int next = header.indexOf(';', v);
                p = next < 0 ? n : next + 1;
            } else {
                int next = header.indexOf(';', v);
                value = header.substring(v, next < 0 ? n : next).strip();
                p = next < 0 ? n : next + 1;
            }
            if (key.equals("filename*")) {
                extended = decodeExtended(value);
            } else if (key.equals("filename")) {
                plain = value;
            }
        }
        String name = extended != null ? extended : plain;
        return Optional.ofNullable(name).flatMap(ContentDisposition::safeName);
    }

    /** RFC 8187 {@code charset'language'percent-encoded}. */
    private static String decodeExtended(String value) {
        int a = value.indexOf('\'');
        int b = a < 0 ? -1 : value.indexOf('\'', a + 1);
        if (b < 0) {
            return null;
        }
        Charset cs;
        try {
            cs = Charset.forName(value.substring(0, a).strip());
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
        }
        try {
            return URLDecoder.decode(value.substring(b + 1).replace("+", "%2B"), cs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last segment of a URL's path, decoded, when it makes a usable file name. */
    public static Optional<String> lastSegment(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return Optional.empty();
        }
        return safeName(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Keeps a name only when it is a plain file name: no folders, no control characters, not hidden. */
    static Optional<String> safeName(String raw) {
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".") || name.length() > 255) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }
}
