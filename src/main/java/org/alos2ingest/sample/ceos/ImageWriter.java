package org.alos2ingest.sample.ceos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.alos2ingest.describe.ceos.CeosGeometry;
import org.alos2ingest.format.ceos.FileDescriptorFields;
import org.alos2ingest.format.ceos.ImageFileDescriptor;
import org.alos2ingest.format.ceos.RecordCode;
import org.alos2ingest.format.ceos.RecordWriter;
import org.alos2ingest.format.ceos.SignalDataRecord;
import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.Geodetic;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.Orbit;
import org.alos2ingest.geo.OrbitState;
import org.alos2ingest.util.Progress;

/**
 * Writes the Level 1.1 image files of one image (stripmap) or scan (ScanSAR), one per polarisation:
 * a 720-byte file descriptor, then one record per line, a 544-byte signal data prefix followed by
 * big-endian complex float32 samples (alos2-formats.md 3.3). A sparse image holds only its first and
 * last lines; the file still has its full length, the rest being a hole that costs no disk.
 */
final class ImageWriter {

    static final int DESCRIPTOR_LENGTH = 720;

    private final SampleGeometry geometry;
    private final Scenery scenery;
    private final double nearest;
    private final double farthest;
    private final Instant first;
    private final double span;

    ImageWriter(SampleGeometry geometry, Scenery scenery) {
        this.geometry = geometry;
        this.scenery = scenery;
        this.nearest = geometry.images().stream().mapToDouble(SampleGeometry.Image::nearRange).min().orElseThrow();
        this.farthest = geometry.images().stream().mapToDouble(SampleGeometry.Image::farRange).max().orElseThrow();
        this.first = geometry.start();
        this.span = Orbit.seconds(first, geometry.end());
    }

    static long recordLength(SampleGeometry.Image im) {
        return SignalDataRecord.PREFIX_LENGTH + 8L * im.pixels();
    }

    /** Writes one file per polarisation for image {@code im}; the files are returned in {@code files}' order. */
    List<Path> write(SampleGeometry.Image im, List<String> pols, List<Path> files, boolean sparse, Progress.Task progress) throws IOException {
        long recordLength = recordLength(im);
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (int i = 0; i < pols.size(); i++) {
                FileChannel ch = FileChannel.open(files.get(i), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                channels.add(ch);
                writeFully(ch, ByteBuffer.wrap(descriptor(im, i + 1)), 0);
            }
            ByteBuffer line = ByteBuffer.allocate((int) recordLength);
            long[] which = sparse ? new long[] {0, im.lines() - 1} : null;
            long count = sparse ? 2 : im.lines();
            for (long n = 0; n < count; n++) {
                long k = sparse ? which[(int) n] : n;
                RecordWriter prefix = prefix(im, k, recordLength);
                for (int p = 0; p < pols.size(); p++) {
                    String pol = pols.get(p);
                    prefix.put(SignalDataRecord.TRANSMIT_POLARISATION, pol.charAt(0) == 'H' ? 0 : 1)
                            .put(SignalDataRecord.RECEIVE_POLARISATION, pol.charAt(1) == 'H' ? 0 : 1)
                            .put(SignalDataRecord.CHANNEL_ID, p + 1);
                    line.clear();
                    line.put(prefix.bytes());
                    samples(im, k, pol, line);
                    line.flip();
                    writeFully(channels.get(p), line, DESCRIPTOR_LENGTH + k * recordLength);
                }
                progress.advance(recordLength * pols.size());
            }
        } finally {
            for (FileChannel ch : channels) {
                ch.close();
            }
        }
        return files;
    }

    private byte[] descriptor(SampleGeometry.Image im, int fileNumber) {
        RecordWriter w = RecordWriter.ascii(RecordCode.IMAGE_FILE_DESCRIPTOR, 1, DESCRIPTOR_LENGTH);
        LeaderWriter.fileDescriptorHeader(w, "AL2 SARCIMSP");
        w.put(FileDescriptorFields.FILE_NUMBER, fileNumber)
                .put(ImageFileDescriptor.RECORDS, im.lines()).put(ImageFileDescriptor.RECORD_LENGTH, recordLength(im))
                .put(ImageFileDescriptor.BITS_PER_SAMPLE, 32).put(ImageFileDescriptor.SAMPLES_PER_GROUP, 2)
                .put(ImageFileDescriptor.BYTES_PER_GROUP, 8).put(ImageFileDescriptor.CHANNELS, 1).put(ImageFileDescriptor.LINES, im.lines())
                .put(ImageFileDescriptor.LEFT_BORDER, 0).put(ImageFileDescriptor.PIXELS, im.pixels()).put(ImageFileDescriptor.RIGHT_BORDER, 0)
                .put(ImageFileDescriptor.TOP_BORDER, 0).put(ImageFileDescriptor.BOTTOM_BORDER, 0).put(ImageFileDescriptor.INTERLEAVING, "BSQ")
                .put(ImageFileDescriptor.RECORDS_PER_LINE, 1).put(ImageFileDescriptor.RECORDS_PER_MULTICHANNEL_LINE, 1)
                .put(ImageFileDescriptor.PREFIX_BYTES, SignalDataRecord.PREFIX_LENGTH).put(ImageFileDescriptor.DATA_BYTES, 8L * im.pixels())
                .put(ImageFileDescriptor.SUFFIX_BYTES, 0).put(ImageFileDescriptor.LINE_NUMBER_LOCATOR, "  13 4PB")
                .put(ImageFileDescriptor.CHANNEL_LOCATOR, "  49 2PB").put(ImageFileDescriptor.TIME_LOCATOR, "  45 4PB")
                .put(ImageFileDescriptor.LEFT_FILL_LOCATOR, "  21 4PB").put(ImageFileDescriptor.RIGHT_FILL_LOCATOR, "  29 4PB")
                .put(ImageFileDescriptor.QUALITY_LOCATOR, "  97 4PB").put(ImageFileDescriptor.FORMAT_TYPE, "COMPLEX*8")
                .put(ImageFileDescriptor.FORMAT_CODE, "C*8").put(ImageFileDescriptor.LEFT_FILL_BITS, 0).put(ImageFileDescriptor.RIGHT_FILL_BITS, 0);
        return w.bytes();
    }

    private RecordWriter prefix(SampleGeometry.Image im, long k, long recordLength) {
        Instant t = im.lineTime(k);
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        long us = utc.toLocalTime().toNanoOfDay() / 1000;
        OrbitState s = geometry.orbit().at(t);
        Geodetic sub = Ellipsoid.WGS84.toGeodetic(s.position());
        LonLat a = geometry.locate(im, 0, k);
        LonLat b = geometry.locate(im, (im.pixels() - 1) / 2.0, k);
        LonLat c = geometry.locate(im, im.pixels() - 1, k);
        double speed = s.velocity().norm();
        return RecordWriter.prefix(RecordCode.SIGNAL_DATA, k + 2, recordLength, SignalDataRecord.PREFIX_LENGTH)
                .put(SignalDataRecord.LINE_NUMBER, k + 1).put(SignalDataRecord.RECORD_INDEX, 1)
                .put(SignalDataRecord.LEFT_FILL, 0).put(SignalDataRecord.DATA_PIXELS, im.pixels()).put(SignalDataRecord.RIGHT_FILL, 0)
                .put(SignalDataRecord.UPDATE_FLAG, k == 0 ? 1 : 0)
                .put(SignalDataRecord.YEAR, utc.getYear()).put(SignalDataRecord.DAY_OF_YEAR, utc.getDayOfYear())
                .put(SignalDataRecord.MILLISECOND_OF_DAY, us / 1000).put(SignalDataRecord.MICROSECOND_OF_DAY, us)
                .put(SignalDataRecord.CHANNEL_CODE, 0)
                .put(SignalDataRecord.PRF_MHZ, Math.round(im.prf() * 1000))
                .put(SignalDataRecord.SCAN_ID, geometry.images().size() > 1 ? im.scan() : 0)
                .put(SignalDataRecord.CHIRP_TYPE, 0).put(SignalDataRecord.CHIRP_LENGTH, 30_842)
                .put(SignalDataRecord.CHIRP_LINEAR, 26_176)
                .put(SignalDataRecord.SLANT_RANGE, im.nearRange())
                .put(SignalDataRecord.WINDOW_POSITION, Math.round(2 * im.nearRange() / CeosGeometry.C * 1e9))
                .put(SignalDataRecord.PLATFORM_UPDATE, k == 0 ? 1 : 0)
                .put(SignalDataRecord.PLATFORM_LATITUDE, sub.lat()).put(SignalDataRecord.PLATFORM_LONGITUDE, sub.lon())
                .put(SignalDataRecord.PLATFORM_ALTITUDE, Math.round(sub.height()))
                .put(SignalDataRecord.GROUND_SPEED, Math.round(speed * 6371 / 7006.137 * 100))
                .put(SignalDataRecord.VELOCITY, 0, Math.round(s.velocity().x() * 100))
                .put(SignalDataRecord.VELOCITY, 1, Math.round(s.velocity().y() * 100))
                .put(SignalDataRecord.VELOCITY, 2, Math.round(s.velocity().z() * 100))
                .put(SignalDataRecord.FIRST_PIXEL_LATITUDE, a.lat()).put(SignalDataRecord.CENTER_PIXEL_LATITUDE, b.lat())
                .put(SignalDataRecord.LAST_PIXEL_LATITUDE, c.lat()).put(SignalDataRecord.FIRST_PIXEL_LONGITUDE, a.lon())
                .put(SignalDataRecord.CENTER_PIXEL_LONGITUDE, b.lon()).put(SignalDataRecord.LAST_PIXEL_LONGITUDE, c.lon())
                .put(SignalDataRecord.FRAME_NUMBER, geometry.spec().name().scene().frame());
    }

    private void samples(SampleGeometry.Image im, long k, String pol, ByteBuffer out) {
        double gain = pol.equals("HH") || pol.equals("VV") ? 1.0 : 0.45;
        double y = span > 0 ? Orbit.seconds(first, im.lineTime(k)) / span : 0.5;
        SplittableRandom rnd = new SplittableRandom(geometry.spec().name().text().hashCode() * 31L + pol.hashCode() * 1_000_003L + im.scan() * 7919L + k);
        for (int j = 0; j < im.pixels(); j++) {
            double x = (im.range(j) - nearest) / (farthest - nearest);
            float[] iq = Scenery.sample(400 * gain * scenery.brightness(x, y), rnd);
            out.putFloat(iq[0]);
            out.putFloat(iq[1]);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }
}
