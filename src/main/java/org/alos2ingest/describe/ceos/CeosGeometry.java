package org.alos2ingest.describe.ceos;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alos2ingest.describe.DescribeException;
import org.alos2ingest.format.ceos.CeosProduct;
import org.alos2ingest.format.ceos.DatasetSummaryRecord;
import org.alos2ingest.format.ceos.FacilityRecord;
import org.alos2ingest.format.ceos.ImageFile;
import org.alos2ingest.format.ceos.SignalDataRecord;
import org.alos2ingest.geo.Facility5Polynomial;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.Orbit;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.geo.OrbitInterpolator;
import org.alos2ingest.geo.StateVector;

/**
 * Everything a Level 1.1 footprint is computed from, taken from a CEOS product: the orbit, the look
 * side, each scan's radar extent, and JAXA's facility-5 polynomial with the image it refers to.
 *
 * @param facility5Scan index into {@code swaths} of the image the polynomial refers to, or -1
 */
public record CeosGeometry(List<StateVector> stateVectors, OrbitInterpolator orbit, LookSide lookSide, List<RadarSwath> swaths,
                           Optional<Facility5Polynomial> facility5, int facility5Scan, List<String> notes) {

    /** Speed of light in vacuum, m/s. */
    public static final double C = 299_792_458.0;

    public CeosGeometry {
        stateVectors = List.copyOf(stateVectors);
        swaths = List.copyOf(swaths);
        notes = List.copyOf(notes);
    }

    /**
     * @throws DescribeException naming the file when the leader and images do not make a geometry
     *                           (no sampling rate, times outside the orbit, contradicting look sides)
     */
    public static CeosGeometry of(CeosProduct p) {
        Path led = p.leader().file();
        DatasetSummaryRecord dssr = p.leader().datasetSummary();
        List<String> notes = new ArrayList<>();
        LookSide named = p.name().product().lookSide();
        LookSide side = dssr.lookSide().orElse(named);
        if (side != named) {
            throw new DescribeException(led, "the sensor clock angle " + dssr.record().real(DatasetSummaryRecord.CLOCK_ANGLE).orElse(null)
                    + " says " + side.word() + "-looking, the product name says " + named.word() + "-looking");
        }
        OrbitDirection dir = p.name().product().direction();
        dssr.passDirection().filter(d -> d != dir).ifPresent(d -> notes.add(led.getFileName() + ": the leader's line time direction says "
                + d.word() + ", the product name says " + dir.word()));
        double fs = dssr.exactSamplingRateHz().orElseThrow(() -> new DescribeException(led,
                "the dataset summary record has no range sampling rate (position 711), needed for the slant ranges"));
        if (!(fs > 1e5 && fs < 1e9)) {
            throw new DescribeException(led, "range sampling rate " + fs + " Hz is not a radar's");
        }
        double dr = C / (2 * fs);
        List<StateVector> vectors = p.leader().platformPosition().stateVectors();
        OrbitInterpolator orbit = new OrbitInterpolator(vectors);
        dssr.sceneCenterTime().filter(orbit::covers).ifPresent(t -> {
            // Northward motion in the Earth-fixed frame is an ascending pass.
            OrbitDirection flown = orbit.at(t).velocity().z() > 0 ? OrbitDirection.ASCENDING : OrbitDirection.DESCENDING;
            if (flown != dir) {
                notes.add(led.getFileName() + ": the orbit is " + flown.word() + " at the scene centre, the product name says "
                        + dir.word());
            }
        });
        boolean scanSar = p.isScanSar();
        List<RadarSwath> swaths = new ArrayList<>();
        for (CeosProduct.Image img : p.scansOfFirstPolarisation()) {
            ImageFile f = img.file();
            SignalDataRecord first = f.firstSignal().orElseThrow();
            SignalDataRecord last = f.lastSignal().orElseThrow();
            Instant start = first.time();
            Instant end = last.time();
            if (end.isBefore(start)) {
                throw new DescribeException(f.file(), "the last line (" + end + ") is older than the first (" + start + ")");
            }
            double prf = scanSar ? first.prfHz() : dssr.prfHz().orElse(first.prfHz());
            if (!(prf > 0 && prf < 20000)) {
                throw new DescribeException(f.file(), "PRF " + prf + " Hz is not a PALSAR-2 line rate");
            }
            for (Instant t : List.of(start, end)) {
                if (!orbit.covers(t)) {
                    throw new DescribeException(f.file(), "line time " + t + " lies outside the leader's state vectors ("
                            + orbit.first() + " to " + orbit.last() + ")");
                }
            }
            double expected = (f.lines() - 1) / prf;
            double actual = Orbit.seconds(start, end);
            if (Math.abs(actual - expected) > 2 / prf + 1e-3) {
                notes.add(f.file().getFileName() + ": first and last lines are " + String.format(java.util.Locale.ROOT, "%.4f", actual)
                        + " s apart, " + f.lines() + " lines at " + String.format(java.util.Locale.ROOT, "%.3f", prf) + " Hz make "
                        + String.format(java.util.Locale.ROOT, "%.4f", expected) + " s");
            }
            if (first.slantRange() <= 0 || last.slantRange() <= 0) {
                throw new DescribeException(f.file(), "no slant range to the first sample in the signal records (position 117)");
            }
            swaths.add(new RadarSwath(f.file().getFileName().toString(), img.scan(), start, end, first.slantRange(), last.slantRange(), dr,
                    f.pixels(), f.lines(), prf));
        }
        Optional<Facility5Polynomial> poly = p.leader().facility5().flatMap(FacilityRecord::pixelToGeographic)
                .map(c -> new Facility5Polynomial(c[0], c[1], c[2][0], c[2][1]));
        int ref = -1;
        if (poly.isPresent()) {
            if (swaths.size() == 1) {
                ref = 0;
            } else {
                ref = referenceScan(poly.get(), swaths);
                if (ref < 0) {
                    notes.add(led.getFileName() + ": the facility-5 polynomial's origin (pixel " + poly.get().originPixel() + ", line "
                            + poly.get().originLine() + ") is the centre of no scan; it is not used");
                }
            }
        } else {
            notes.add(led.getFileName() + ": no facility-5 pixel/line polynomial");
        }
        return new CeosGeometry(vectors, orbit, side, swaths, poly, ref, notes);
    }

    /**
     * JAXA does not say which scan of a ScanSAR product the single leader's polynomial describes
     * (alos2-formats.md 3.2.9): take the scan whose centre is the polynomial's origin, preferring
     * the middle scan when several are the same size.
     */
    private static int referenceScan(Facility5Polynomial p, List<RadarSwath> swaths) {
        int best = -1;
        int middle = swaths.size() / 2;
        for (int i = 0; i < swaths.size(); i++) {
            RadarSwath s = swaths.get(i);
            boolean centred = Math.abs(p.originPixel() - (s.pixels() - 1) / 2.0) <= 2 && Math.abs(p.originLine() - (s.lines() - 1) / 2.0) <= 2;
            if (centred && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return best;
    }

    public boolean isScanSar() {
        return swaths.size() > 1;
    }

    public Instant start() {
        return swaths.stream().map(RadarSwath::start).min(Instant::compareTo).orElseThrow();
    }

    public Instant end() {
        return swaths.stream().map(RadarSwath::end).max(Instant::compareTo).orElseThrow();
    }
}
