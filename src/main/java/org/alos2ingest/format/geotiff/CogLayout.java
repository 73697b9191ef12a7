package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.format.geotiff.TiffEncoder.Tag;
import org.alos2ingest.util.FileWrites;

/**
 * The file a {@link CogWriter} makes of its spools, laid out as GDAL's COG driver does: header, GDAL's
 * structural metadata, every IFD (full resolution first), then the tiles from the smallest overview
 * to the full image.
 */
final class CogLayout {

    private static final String GHOST_HEAD = "GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n";
    private static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";

    private final Path target;
    private final CogWriter.Spec spec;
    private final List<TileSpool> levels;

    CogLayout(Path target, CogWriter.Spec spec, List<TileSpool> levels) {
        this.target = target;
        this.spec = spec;
        this.levels = levels;
    }

    /** Writes the target; in place when asked and the filesystem can. @return its size */
    long write(boolean inPlace) throws IOException {
        long data = 0;
        for (TileSpool l : levels) {
            data += l.size;
        }
        boolean big = data + (16L << 20) > 0xFFFF_FFFFL;
        TiffEncoder enc = new TiffEncoder(ByteOrder.LITTLE_ENDIAN, big);
        long size = inPlace ? inPlace(enc) : -1;
        return size >= 0 ? size : copied(enc);
    }

    /** Where everything goes: the header and IFDs, each level's first byte, the file's size. */
    private record Layout(byte[] head, long[] levelAt, long total) {
    }

    /**
     * The layout with the full resolution's data starting at a multiple of {@code align} (1: right
     * after the overviews); the bytes between are a gap no reader looks at.
     */
    private Layout layout(TiffEncoder enc, long align) {
        byte[] ghost = ghost();
        long ifdStart = even(enc.headerSize() + ghost.length);
        // First pass sizes the IFDs (their values do not change their size), the second fills in the offsets.
        long[] ifdAt = new long[levels.size()];
        long pos = ifdStart;
        for (TileSpool l : levels) {
            ifdAt[l.index] = pos;
            pos = even(pos + enc.directory(tags(enc, l, 0), pos).length);
        }
        long dataStart = pos;
        long[] levelAt = new long[levels.size()];
        for (int i = levels.size() - 1; i >= 1; i--) {
            levelAt[i] = pos;
            pos += levels.get(i).size;
        }
        levelAt[0] = (pos + align - 1) / align * align;
        long total = levelAt[0] + levels.get(0).size;
        byte[] head = new byte[(int) dataStart];
        enc.header(ifdStart).get(head, 0, enc.headerSize());
        System.arraycopy(ghost, 0, head, enc.headerSize(), ghost.length);
        for (TileSpool l : levels) {
            long next = l.index + 1 < levels.size() ? ifdAt[l.index + 1] : 0;
            byte[] ifd = enc.directory(tags(enc, l, levelAt[l.index]), ifdAt[l.index], next);
            System.arraycopy(ifd, 0, head, (int) ifdAt[l.index], ifd.length);
        }
        return new Layout(head, levelAt, total);
    }

    /** The file written anew: header, IFDs, then every spool copied in (the full resolution's last). */
    private long copied(TiffEncoder enc) throws IOException {
        Layout layout = layout(enc, 1);
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            write(out, ByteBuffer.wrap(layout.head()), 0);
            for (int i = levels.size() - 1; i >= 0; i--) {
                levels.get(i).copyTo(out, layout.levelAt()[i]);
            }
            if (out.size() != layout.total()) {
                throw new IOException(partial + ": wrote " + out.size() + " bytes, expected " + layout.total());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return layout.total();
    }

    /**
     * The full resolution's spool made the file without copying it: room for the header, IFDs and
     * overviews is inserted before its data ({@code fallocate --insert-range}, ext4 and XFS: the
     * file's extents move, no byte is copied), they are written there, and the spool is renamed to the
     * target. Copying 1.2 GB of UBS tiles took 6 s of kernel time. The inserted room is whole
     * filesystem blocks, so up to a block of gap lies before the full resolution's first tile.
     *
     * @return the file's size, or -1 when the filesystem or system cannot (then nothing has changed)
     */
    private long inPlace(TiffEncoder enc) throws IOException {
        TileSpool full = levels.get(0);
        long block;
        try {
            block = Math.max(4096, Files.getFileStore(full.file).getBlockSize());
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        if (full.size == 0) {
            return -1;
        }
        Layout layout = layout(enc, block);
        long room = layout.levelAt()[0];
        if (!insertRange(full.file, room)) {
            return -1;
        }
        FileChannel ch = full.channel;
        if (ch.size() != room + full.size) {
            throw new IOException(full.file + ": " + ch.size() + " bytes after inserting " + room + " before " + full.size);
        }
        write(ch, ByteBuffer.wrap(layout.head()), 0);
        for (int i = levels.size() - 1; i >= 1; i--) {
            levels.get(i).copyTo(ch, layout.levelAt()[i]);
        }
        ch.close();
        Files.move(full.file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return layout.total();
    }

    /** util-linux's fallocate, as every Linux has it; false when it is missing or refuses (the filesystem cannot). */
    private static boolean insertRange(Path file, long length) {
        try {
            Process p = new ProcessBuilder("fallocate", "--insert-range", "--offset", "0", "--length", Long.toString(length), file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // the filesystem writes the file's dirty pages out first: seconds for a large image
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
        FileWrites.at(ch, b, at);
    }

    private static byte[] ghost() {
        String body = GHOST_BODY;
        return (String.format(java.util.Locale.ROOT, GHOST_HEAD, body.length()) + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static long even(long n) {
        return n + (n & 1);
    }

    private List<Tag> tags(TiffEncoder enc, TileSpool l, long base) {
        List<Tag> tags = new ArrayList<>();
        if (l.index > 0) {
            tags.add(enc.longTag(254, 1)); // NewSubfileType: a reduced-resolution version
        }
        tags.add(enc.longTag(256, l.width));
        tags.add(enc.longTag(257, l.height));
        tags.add(enc.shortTag(258, spec.type().bytes * 8));
        tags.add(enc.shortTag(259, 8));
        tags.add(enc.shortTag(262, 1));
        tags.add(enc.shortTag(277, 1));
        tags.add(enc.shortTag(284, 1));
        tags.add(enc.shortTag(317, spec.type().predictor));
        tags.add(enc.shortTag(322, spec.tileSize()));
        tags.add(enc.shortTag(323, spec.tileSize()));
        long[] offsets = new long[l.offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = base + l.offsets[i];
        }
        tags.add(enc.offsets(324, offsets));
        tags.add(enc.offsets(325, l.counts));
        tags.add(enc.shortTag(339, spec.type().sampleFormat));
        if (l.index == 0) {
            tags.addAll(spec.geo().encode(enc));
            String md = gdalMetadata();
            if (md != null) {
                tags.add(enc.ascii(42112, md));
            }
        }
        if (spec.nodata() != null) {
            tags.add(enc.ascii(42113, spec.nodata()));
        }
        tags.sort(Comparator.comparingInt(Tag::code));
        return tags;
    }

    /** GDAL's own XML of dataset and band metadata (what gdalinfo prints and QGIS shows). */
    private String gdalMetadata() {
        StringBuilder s = new StringBuilder();
        spec.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append("  <Item name=\"").append(xml(e.getKey())).append("\">").append(xml(e.getValue())).append("</Item>\n"));
        if (spec.description() != null) {
            s.append("  <Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">").append(xml(spec.description())).append("</Item>\n");
        }
        if (spec.unit() != null) {
            s.append("  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">").append(xml(spec.unit())).append("</Item>\n");
        }
        return s.isEmpty() ? null : "<GDALMetadata>\n" + s + "</GDALMetadata>\n";
    }

    private static String xml(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
