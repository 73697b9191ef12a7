package org.alos2ingest.format.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;

import org.alos2ingest.util.FileWrites;

/** One level of a {@link CogWriter}'s image: its compressed tiles, in file order, in a spool file until the file is laid out. */
final class TileSpool {

    final int index;
    final int width;
    final int height;
    final int across;
    final int down;
    final long[] offsets;
    final long[] counts;
    final Path file;
    final FileChannel channel;
    int nextRow;
    long size;

    TileSpool(int index, int width, int height, int tile, Path file) throws IOException {
        this.index = index;
        this.width = width;
        this.height = height;
        this.across = (width + tile - 1) / tile;
        this.down = (height + tile - 1) / tile;
        this.offsets = new long[Math.multiplyExact(across, down)];
        this.counts = new long[offsets.length];
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Rows that came before their turn, held until the rows before them are written. */
    private final TreeMap<Integer, byte[][]> early = new TreeMap<>();

    synchronized void append(int tileRow, byte[][] tiles) throws IOException {
        if (tileRow < nextRow || early.containsKey(tileRow) || tileRow >= down) {
            throw new IllegalStateException("level " + index + ": tile row " + tileRow + " given twice or out of range (" + down + " rows)");
        }
        if (tileRow != nextRow) {
            early.put(tileRow, tiles);
            return;
        }
        write(tiles);
        while (!early.isEmpty() && early.firstKey() == nextRow) {
            write(early.pollFirstEntry().getValue());
        }
    }

    private void write(byte[][] tiles) throws IOException {
        int tileRow = nextRow;
        int bytes = 0;
        for (byte[] t : tiles) {
            bytes += 8 + t.length;
        }
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < tiles.length; c++) {
            byte[] t = tiles[c];
            b.putInt(t.length);
            offsets[tileRow * across + c] = size + b.position();
            counts[tileRow * across + c] = t.length;
            b.put(t);
            // GDAL's trailer: the tile's last 4 bytes again, to notice a tile changed in place
            b.put(t, t.length - 4, 4);
        }
        b.flip();
        FileWrites.at(channel, b, size);
        size += bytes;
        nextRow++;
    }

    void copyTo(FileChannel out, long at) throws IOException {
        long done = 0;
        while (done < size) {
            long n = channel.transferTo(done, size - done, out.position(at + done));
            if (n <= 0) {
                throw new IOException(file + ": spool ends at " + done + " of " + size + " bytes");
            }
            done += n;
        }
    }

    void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
