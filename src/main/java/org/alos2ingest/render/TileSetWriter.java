package org.alos2ingest.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.alos2ingest.util.Parallel;
import org.alos2ingest.util.Progress;

/**
 * Writes one tile layer, {@code <layer>/<z>/<x>/<y>.png} for zooms 0 to the maximum, every tile of
 * the {@link TileCoverage} (tiles showing no data get a small fully transparent PNG, so that the
 * viewer never meets a missing tile), rendered on all threads from one pyramid.
 */
final class TileSetWriter {

    /** What was written. */
    record Summary(int maxZoom, long tiles, long emptyTiles, long bytes) {
    }

    private TileSetWriter() {
    }

    static Summary write(DisplayPyramid pyramid, TileCoverage coverage, int maxZoom, Path layer, int threads, Progress progress) {
        List<TileId> tiles = new ArrayList<>();
        for (int z = maxZoom; z >= 0; z--) {
            tiles.addAll(coverage.tiles(z));
        }
        try {
            int lastX = -1;
            int lastZ = -1;
            for (TileId t : tiles) {
                if (t.z() != lastZ || t.x() != lastX) {
                    Files.createDirectories(layer.resolve(t.z() + "/" + t.x()));
                    lastZ = t.z();
                    lastX = t.x();
                }
            }
        } catch (IOException e) {
            throw new RenderException(layer, "cannot create tile folders: " + e.getMessage(), e);
        }
        byte[] empty;
        try (PngEncoder e = new PngEncoder(9)) {
            empty = e.encode(new byte[WebMercator.TILE_SIZE * WebMercator.TILE_SIZE], WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
        }
        AtomicLong bytes = new AtomicLong();
        AtomicLong blank = new AtomicLong();
        try (Progress.Task task = progress.start("tiles " + layer.getFileName(), tiles.size(), Progress.Unit.TILES)) {
            Parallel.run(threads, tiles.size(), () -> new Parallel.Worker<IOException>() {
                private final TileRenderer renderer = new TileRenderer(pyramid, coverage.bounds());

                @Override
                public void run(int i) throws IOException {
                    TileId t = tiles.get(i);
                    byte[] png = renderer.png(t);
                    if (png == null) {
                        png = empty;
                        blank.incrementAndGet();
                    }
                    write(layer.resolve(t.path()), png);
                    bytes.addAndGet(png.length);
                    task.advance(1);
                }

                @Override
                public void close() {
                    renderer.close();
                }
            });
        } catch (IOException e) {
            throw new RenderException(layer, "cannot write tiles: " + e.getMessage(), e);
        }
        return new Summary(maxZoom, tiles.size(), blank.get(), bytes.get());
    }

    /**
     * One write call for the whole tile, where Files.write hands the bytes over in 8 KiB pieces:
     * 10 % less time per 56 kB tile file on ext4 (about 30 of 310 us; a tile file costs more than
     * encoding the tile by now).
     */
    private static void write(Path file, byte[] png) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(png);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }
}
