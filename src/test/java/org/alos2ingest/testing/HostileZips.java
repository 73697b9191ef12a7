package org.alos2ingest.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Broken and malicious zips, built byte by byte where the JDK would refuse to write them. */
public final class HostileZips {
    private HostileZips() {
    }

    /** A zip with the given entries (name to content), deflated. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    public static Path withSymlink(Path file, String name, String target) throws IOException {
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry e = new ZipArchiveEntry(name);
            e.setUnixMode(UnixStat.LINK_FLAG | 0777);
            z.putArchiveEntry(e);
            z.write(target.getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        }
        return file;
    }

    /** {@code megabytes} of zeros in one entry: about 1000:1. */
    public static Path bomb(Path file, int megabytes) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("IMG-HH-ALOS2146686640-170209-FBDR1.5GUA.tif"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return file;
    }

    /** Rewrites the central directory's uncompressed size of the first entry. */
    public static void lieAboutSize(Path zip, int declared) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        int cd = indexOf(b, new byte[] {0x50, 0x4b, 0x01, 0x02}, 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(cd + 24, declared);
        Files.write(zip, b);
    }

    /**
     * Writes {@code crc} as the CRC-32 of entry {@code name}, in its local header (unless that defers
     * it to a data descriptor) and in the central directory; the data stays intact.
     */
    public static void setCrc(Path zip, String name, long crc) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = indexOf(b, n, 0); i >= 0; i = indexOf(b, n, i + 1)) {
            if (i >= 30 && le.getInt(i - 30) == 0x04034b50) {
                if (le.getInt(i - 30 + 14) != 0) {
                    le.putInt(i - 30 + 14, (int) crc);
                }
                patched++;
            } else if (i >= 46 && le.getInt(i - 46) == 0x02014b50) {
                le.putInt(i - 46 + 16, (int) crc);
                patched++;
            }
        }
        if (patched < 2) {
            throw new IllegalStateException(name + " found " + patched + " times in " + zip);
        }
        Files.write(zip, b);
    }

    /** Flips one byte of the first occurrence of {@code marker} in the file. */
    public static void corrupt(Path file, String marker) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int at = indexOf(b, marker.getBytes(StandardCharsets.ISO_8859_1), 0);
        if (at < 0) {
            throw new IllegalStateException(marker + " not in " + file);
        }
        b[at + 1] ^= 0x20;
        Files.write(file, b);
    }

    public static void truncate(Path file, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(file);
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write(b, 0, (int) (b.length * fraction));
        }
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
