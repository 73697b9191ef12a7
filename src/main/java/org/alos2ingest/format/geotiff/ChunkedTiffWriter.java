package org.alos2ingest.format.geotiff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

import org.alos2ingest.format.geotiff.GeoTiffWriter.Layout;
import org.alos2ingest.format.geotiff.GeoTiffWriter.RowSource;
import org.alos2ingest.format.geotiff.TiffEncoder.Tag;
import org.alos2ingest.util.FileWrites;

/**
 * The layout half of {@link GeoTiffWriter} for files in a non-default {@link Layout}: rows are placed
 * where the Orientation tag says they are stored, gathered into strips or tiles, differenced by the
 * predictor and compressed as each band of rows completes, and appended; then the IFD is written at
 * the end and the header pointed at it (TIFF allows the IFD anywhere).
 */
final class ChunkedTiffWriter {

    private final int width;
    private final int height;
    private final Layout layout;
    private final TiffEncoder enc;
    private final List<Tag> geoTags;
    private final boolean tiled;
    private final int chunkW;
    private final int chunkH;
    private final int across;
    private final long[] offsets;
    private final long[] counts;
    private final boolean flipRows;
    private final boolean flipColumns;
    private final Deflater deflater = new Deflater(6);
    private final TiffLzwEncoder lzw = new TiffLzwEncoder();

    /** @param geoTags the georeferencing tags, to be written as they are */
    ChunkedTiffWriter(int width, int height, Layout layout, TiffEncoder enc, List<Tag> geoTags) {
        this.width = width;
        this.height = height;
        this.layout = layout;
        this.enc = enc;
        this.geoTags = geoTags;
        this.tiled = layout.tileSize() > 0;
        this.chunkW = tiled ? layout.tileSize() : width;
        this.chunkH = tiled ? layout.tileSize() : Math.min(layout.rowsPerStrip(), height);
        this.across = (width + chunkW - 1) / chunkW;
        int down = (height + chunkH - 1) / chunkH;
        this.offsets = new long[across * down];
        this.counts = new long[across * down];
        this.flipRows = layout.orientation() == 3 || layout.orientation() == 4;
        this.flipColumns = layout.orientation() == 2 || layout.orientation() == 3;
    }

    void write(Path file, RowSource rows) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long pos = enc.headerSize();
            short[] band = new short[chunkH * width];
            short[] row = new short[width];
            int bandIndex = -1;
            int filled = 0;
            for (int y = 0; y < height; y++) {
                rows.row(y, row);
                int r = flipRows ? height - 1 - y : y;
                int b = r / chunkH;
                if (b != bandIndex) {
                    bandIndex = b;
                    filled = 0;
                    Arrays.fill(band, (short) 0);
                }
                int at = (r - b * chunkH) * width;
                for (int x = 0; x < width; x++) {
                    band[at + x] = row[flipColumns ? width - 1 - x : x];
                }
                filled++;
                if (filled == Math.min(chunkH, height - b * chunkH)) {
                    pos = writeBand(ch, pos, b, band);
                }
            }
            pos += pos & 1;
            ch.write(ByteBuffer.wrap(enc.directory(tags(), pos)), pos);
            ch.write(enc.header(pos), 0);
        } finally {
            deflater.end();
        }
    }

    private long writeBand(FileChannel ch, long pos, int b, short[] band) throws IOException {
        int rowsInChunk = tiled ? chunkH : Math.min(chunkH, height - b * chunkH);
        byte[] raw = new byte[2 * chunkW * rowsInChunk];
        ByteBuffer bb = ByteBuffer.wrap(raw).order(enc.order());
        for (int c = 0; c < across; c++) {
            bb.clear();
            for (int r = 0; r < rowsInChunk; r++) {
                int prev = 0;
                for (int x = 0; x < chunkW; x++) {
                    int gx = c * chunkW + x;
                    int v = gx < width && b * chunkH + r < height ? band[r * width + gx] & 0xffff : 0;
                    bb.putShort((short) (layout.predictor() ? v - prev : v));
                    prev = v;
                }
            }
            byte[] data = compress(raw);
            FileWrites.at(ch, ByteBuffer.wrap(data), pos);
            offsets[b * across + c] = pos;
            counts[b * across + c] = data.length;
            pos += data.length;
        }
        return pos;
    }

    private byte[] compress(byte[] raw) {
        switch (layout.compression()) {
            case NONE:
                return raw.clone();
            case LZW:
                return lzw.encode(raw, raw.length);
            default:
                deflater.reset();
                deflater.setInput(raw);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
                byte[] buf = new byte[65536];
                while (!deflater.finished()) {
                    int n = deflater.deflate(buf);
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
        }
    }

    private List<Tag> tags() {
        List<Tag> tags = new ArrayList<>();
        tags.add(enc.longTag(256, width));
        tags.add(enc.longTag(257, height));
        tags.add(enc.shortTag(258, 16));
        tags.add(enc.shortTag(259, layout.compression().code()));
        tags.add(enc.shortTag(262, 1));
        if (layout.orientation() != 1) {
            tags.add(enc.shortTag(274, layout.orientation()));
        }
        tags.add(enc.shortTag(277, 1));
        tags.add(enc.shortTag(284, 1));
        if (layout.predictor()) {
            tags.add(enc.shortTag(317, 2));
        }
        tags.add(enc.shortTag(339, 1));
        if (tiled) {
            tags.add(enc.longTag(322, chunkW));
            tags.add(enc.longTag(323, chunkH));
            tags.add(enc.offsets(324, offsets));
            tags.add(enc.offsets(325, counts));
        } else {
            tags.add(enc.offsets(273, offsets));
            tags.add(enc.longTag(278, chunkH));
            tags.add(enc.offsets(279, counts));
        }
        tags.addAll(geoTags);
        tags.sort(Comparator.comparingInt(Tag::code));
        return tags;
    }
}
