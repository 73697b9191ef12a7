package org.alos2ingest.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;

import org.alos2ingest.format.ceos.Field;
import org.alos2ingest.format.ceos.FieldCodec;
import org.alos2ingest.format.ceos.ImageFileDescriptor;
import org.alos2ingest.format.ceos.ReadCounter;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Lays a zip's product out in a folder for inspection without unpacking its images: metadata files
 * are copied whole; of a CEOS image only the file descriptor and the first and last records are
 * copied, at their offsets, into a sparse file of the entry's full length; of a GeoTIFF its first
 * megabyte. Reading a stored (uncompressed) entry seeks straight to the bytes; a deflated one must
 * be inflated up to its last record, which is counted.
 */
public final class ZipPeek {

    /** Files up to this size are copied whole. */
    static final long WHOLE = 64L << 20;
    static final int HEAD = 1 << 20;
    static final int MAX_ENTRIES = 10_000;
    /** The most one entry's peek may write (sparse holes not counted): far more than any product's metadata files. */
    static final long MAX_WRITTEN = 1L << 30;

    private ZipPeek() {
    }

    /**
     * @param target an empty folder
     * @throws UnpackException for an unreadable zip or an entry whose name would leave the folder
     */
    public static void peek(Path zip, Path target, ReadCounter counter) {
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw new UnpackException(zip, "holds " + entries.size() + " entries, more than " + MAX_ENTRIES);
            }
            Path root = target.toAbsolutePath().normalize();
            for (ZipArchiveEntry e : entries) {
                EntryChecks.checkName(zip, e.getName());
                String name = e.getName().replace('\\', '/');
                Path dest = root.resolve(name).normalize();
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || !dest.startsWith(root) || dest.equals(root)) {
                    throw new UnpackException(zip, "entry '" + e.getName() + "' would be written outside the folder");
                }
                if (e.isDirectory() || e.isUnixSymlink()) {
                    continue;
                }
                EntryChecks.checkReadable(zip, zf, e);
                Files.createDirectories(dest.getParent());
                String file = dest.getFileName().toString();
                boolean image = file.startsWith("IMG-");
                boolean tiff = file.toLowerCase(Locale.ROOT).endsWith(".tif") || file.toLowerCase(Locale.ROOT).endsWith(".tiff");
                if (file.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    Path inner = Files.createTempFile(root, ".nested", ".zip");
                    copy(zf, e, inner, Long.MAX_VALUE, counter);
                    Path innerRoot = dest.resolveSibling(file.substring(0, file.length() - 4));
                    Files.createDirectories(innerRoot);
                    peek(inner, innerRoot, counter);
                    Files.delete(inner);
                } else if (image && !tiff && e.getSize() > WHOLE) {
                    ceosImage(zip, zf, e, dest, counter);
                } else if (e.getSize() > WHOLE || tiff && e.getSize() > HEAD) {
                    copy(zf, e, dest, HEAD, counter);
                    extend(dest, e.getSize());
                } else {
                    copy(zf, e, dest, Long.MAX_VALUE, counter);
                }
            }
        } catch (IOException e) {
            throw new UnpackException(zip, "cannot read zip: " + e.getMessage(), e);
        }
    }

    private static void ceosImage(Path zip, ZipFile zf, ZipArchiveEntry e, Path dest, ReadCounter counter) throws IOException {
        long size = e.getSize();
        try (InputStream in = zf.getInputStream(e); FileChannel out = FileChannel.open(dest, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            byte[] head = in.readNBytes(720);
            counter.add(head.length);
            long recordLength = head.length < 720 ? 0 : number(head, ImageFileDescriptor.RECORD_LENGTH);
            long descriptorLength = head.length < 12 ? 0 : ByteBuffer.wrap(head).getInt(8) & 0xffffffffL;
            // A descriptor the reader will refuse anyway: copy what was read and let it say why.
            if (recordLength <= 0 || recordLength > (64L << 20) || descriptorLength != 720) {
                out.write(ByteBuffer.wrap(head));
                extend(out, size);
                return;
            }
            out.write(ByteBuffer.wrap(head), 0);
            long firstEnd = Math.min(size, descriptorLength + recordLength);
            write(out, in, 720, firstEnd - 720, counter);
            long lastStart = Math.max(firstEnd, size - recordLength);
            if (e.getMethod() == ZipEntry.STORED && e.getDataOffset() > 0) {
                try (FileChannel raw = FileChannel.open(zip, StandardOpenOption.READ)) {
                    ByteBuffer b = ByteBuffer.allocate((int) (size - lastStart));
                    raw.read(b, e.getDataOffset() + lastStart);
                    counter.add(b.position());
                    out.write(b.flip(), lastStart);
                }
            } else {
                long skip = lastStart - firstEnd;
                byte[] buf = new byte[1 << 16];
                while (skip > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, skip));
                    if (n < 0) {
                        break;
                    }
                    counter.add(n);
                    skip -= n;
                }
                write(out, in, lastStart, size - lastStart, counter);
            }
            extend(out, size);
        }
    }

    private static long number(byte[] head, Field f) {
        try {
            return FieldCodec.integer(ByteBuffer.wrap(head), f, 0).orElse(0L);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static void write(FileChannel out, InputStream in, long at, long n, ReadCounter counter) throws IOException {
        byte[] buf = new byte[1 << 16];
        long pos = at;
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            if (out.size() + r > MAX_WRITTEN) {
                throw new IOException("an entry needs more than " + MAX_WRITTEN + " bytes copied to be looked at; unzip the delivery and inspect its files");
            }
            counter.add(r);
            out.write(ByteBuffer.wrap(buf, 0, r), pos);
            pos += r;
            left -= r;
        }
    }

    private static void copy(ZipFile zf, ZipArchiveEntry e, Path dest, long max, ReadCounter counter) throws IOException {
        try (InputStream in = zf.getInputStream(e); FileChannel out = FileChannel.open(dest, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            write(out, in, 0, Math.min(max, e.getSize() < 0 ? Long.MAX_VALUE : e.getSize()), counter);
        }
    }

    private static void extend(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            extend(ch, size);
        }
    }

    /** Gives the file its full length without writing: the rest is a hole. */
    private static void extend(FileChannel ch, long size) throws IOException {
        if (size > ch.size()) {
            ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }
}
