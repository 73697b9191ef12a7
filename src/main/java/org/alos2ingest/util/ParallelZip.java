package org.alos2ingest.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Zips files with one deflate stream per file, as many at a time as there are cores, and writes the
 * zip under a hidden name first so that a reader never sees half of it. Each thread codes its files
 * into a scratch file of its own beside the zip (not in /tmp, which may be small), noting each one's
 * CRC-32 and sizes; the coded bytes are then copied into the zip, in the order of the files.
 *
 * <p>Files of at least {@code literalFrom} bytes (the images of a product) are coded by
 * {@link LiteralDeflater}, a Huffman code of literals a MiB at a time: on a Level 1.5 image it is
 * six times faster than zlib's level 6 for entries about 14 % larger; the small files (summary,
 * LUTs, KML) keep zlib's string matching, which makes text a third of its size.
 */
public final class ParallelZip {

    /** Never code a file by literals: every file at the given zlib level. */
    public static final long ZLIB_ONLY = Long.MAX_VALUE;
    private static final int CHUNK = 1 << 20;

    private ParallelZip() {
    }

    /**
     * Every file at one zlib level.
     *
     * @param names the entry name of each file
     * @param level deflate level, 0 (store) to 9
     */
    public static void write(List<Path> files, Function<Path, String> names, Path zip, int level, Progress.Task task) throws IOException {
        write(files, names, zip, level, ZLIB_ONLY, task);
    }

    /**
     * @param level       deflate level of the files smaller than {@code literalFrom}, 0 (store) to 9; 0 stores every file
     * @param literalFrom the size from which a file is coded by {@link LiteralDeflater}
     */
    public static void write(List<Path> files, Function<Path, String> names, Path zip, int level, long literalFrom,
                             Progress.Task task) throws IOException {
        Path scratch = zip.toAbsolutePath().getParent();
        Coded[] coded = new Coded[files.size()];
        List<Path> scratchFiles = new ArrayList<>();
        Path tmp = zip.resolveSibling("." + zip.getFileName() + ".tmp");
        try {
            Parallel.run(Runtime.getRuntime().availableProcessors(), files.size(), () -> new Parallel.Worker<IOException>() {
                private Coder coder;

                @Override
                public void run(int i) throws IOException {
                    if (coder == null) {
                        Path f = Files.createTempFile(scratch, ".scatter", ".tmp");
                        synchronized (scratchFiles) {
                            scratchFiles.add(f);
                        }
                        coder = new Coder(f, level, literalFrom);
                    }
                    coded[i] = coder.code(files.get(i), task);
                }

                @Override
                public void close() {
                    if (coder != null) {
                        coder.zlib.end();
                    }
                }
            });
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
                out.setUseZip64(Zip64Mode.AsNeeded);
                for (int i = 0; i < files.size(); i++) {
                    Coded c = coded[i];
                    ZipArchiveEntry e = new ZipArchiveEntry(names.apply(files.get(i)));
                    e.setMethod(c.method);
                    e.setTime(Files.getLastModifiedTime(files.get(i)).toMillis());
                    e.setCrc(c.crc);
                    e.setSize(c.size);
                    e.setCompressedSize(c.length);
                    try (FileChannel ch = FileChannel.open(c.scratch, StandardOpenOption.READ)) {
                        out.addRawArchiveEntry(e, new FileRegion(ch, c.offset, c.length));
                    }
                }
            }
        } catch (Throwable e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            for (Path f : scratchFiles) {
                Files.deleteIfExists(f);
            }
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where one file's coded bytes are, and what the zip's headers say of it. */
    private record Coded(Path scratch, long offset, long length, int method, long crc, long size) {
    }

    /** One thread's coders and scratch file. */
    private static final class Coder {
        private final Path scratch;
        private final int level;
        private final long literalFrom;
        private final LiteralDeflater literals = new LiteralDeflater();
        private final Deflater zlib;
        private final CRC32 crc = new CRC32();
        private final byte[] in = new byte[CHUNK];
        private final byte[] next = new byte[CHUNK];
        private final byte[] out = new byte[CHUNK];
        private long written;

        Coder(Path scratch, int level, long literalFrom) {
            this.scratch = scratch;
            this.level = level;
            this.literalFrom = literalFrom;
            this.zlib = new Deflater(level == 0 ? Deflater.DEFAULT_COMPRESSION : level, true);
        }

        Coded code(Path file, Progress.Task task) throws IOException {
            long offset = written;
            crc.reset();
            long size = 0;
            int method = level == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED;
            try (InputStream src = Files.newInputStream(file);
                 FileChannel dst = FileChannel.open(scratch, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                boolean byLiterals = level != 0 && Files.size(file) >= literalFrom;
                if (method == ZipEntry.DEFLATED && !byLiterals) {
                    zlib.reset();
                }
                byte[] cur = in;
                byte[] ahead = next;
                int n = src.readNBytes(cur, 0, CHUNK);
                while (true) {
                    // a chunk is the last only once the one after it is known to be empty
                    int m = n == CHUNK ? src.readNBytes(ahead, 0, CHUNK) : 0;
                    boolean last = m == 0;
                    crc.update(cur, 0, n);
                    size += n;
                    if (method == ZipEntry.STORED) {
                        put(dst, cur, n);
                    } else if (byLiterals) {
                        byte[] part = literals.rawPart(cur, n, last);
                        put(dst, part, part.length);
                    } else {
                        zlib.setInput(cur, 0, n);
                        if (last) {
                            zlib.finish();
                        }
                        while (last ? !zlib.finished() : !zlib.needsInput()) {
                            put(dst, out, zlib.deflate(out));
                        }
                    }
                    task.advance(n);
                    if (last) {
                        break;
                    }
                    byte[] t = cur;
                    cur = ahead;
                    ahead = t;
                    n = m;
                }
            }
            return new Coded(scratch, offset, written - offset, method, crc.getValue(), size);
        }

        private void put(FileChannel dst, byte[] b, int n) throws IOException {
            FileWrites.all(dst, ByteBuffer.wrap(b, 0, n));
            written += n;
        }
    }
}
