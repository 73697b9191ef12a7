package org.alos2ingest.sample.ceos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.geo.Ellipsoid;
import org.alos2ingest.geo.Geodetic;
import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.Orbit;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.geo.OrbitState;
import org.alos2ingest.geo.RangeDopplerGeolocator;
import org.alos2ingest.geo.StateVector;
import org.alos2ingest.geo.Vector3;

/**
 * The acquisition a sample product is written from: an ALOS-2 orbit placed so that the middle of
 * the swath looks at the requested centre at the requested time, and each image's line times,
 * slant ranges and sizes. Everything the files say (state vectors, signal records, polynomials,
 * summary corners) is derived from this one geometry, which {@link #corners} and
 * {@link #extent} give exactly, so tests can check a reader against it.
 */
public final class SampleGeometry {

    /**
     * One image as written.
     *
     * @param start      time of line 0, whole microseconds (as the signal records hold it)
     * @param prf        line rate, Hz
     * @param nearRange  slant range to the first sample, whole metres (as the signal records hold it)
     */
    public record Image(int scan, Instant start, double prf, int lines, int pixels, long nearRange, double rangeSpacing) {

        /** Time of line {@code k}, rounded to the microsecond like the signal records. */
        public Instant lineTime(long k) {
            return Orbit.plus(start, k / prf).truncatedTo(ChronoUnit.MICROS);
        }

        public Instant end() {
            return lineTime(lines - 1);
        }

        public double range(double pixel) {
            return nearRange + pixel * rangeSpacing;
        }

        public double farRange() {
            return range(pixels - 1);
        }
    }

    private final CeosSampleSpec spec;
    private final CircularOrbit orbit;
    private final List<Image> images;
    private final int reference;

    private SampleGeometry(CeosSampleSpec spec, CircularOrbit orbit, List<Image> images, int reference) {
        this.spec = spec;
        this.orbit = orbit;
        this.images = List.copyOf(images);
        this.reference = reference;
    }

    public static SampleGeometry of(CeosSampleSpec spec) {
        double a = CircularOrbit.ALOS2_RADIUS;
        double earth = Ellipsoid.WGS84.toCartesian(spec.centre().lat(), spec.centre().lon(), 0).norm();
        List<CeosSampleSpec.Scan> scans = spec.scans();
        double centreAngle = spec.isScanSar() ? (scans.get(0).offNadirNear() + scans.get(scans.size() - 1).offNadirFar()) / 2
                : scans.get(0).offNadirNear();
        CircularOrbit orbit = solveOrbit(spec, slantRange(a, earth, centreAngle));
        double dr = spec.rangeSpacing();
        int ref = scans.size() / 2;
        List<Image> images = new ArrayList<>();
        CeosSampleSpec.Scan r = scans.get(ref);
        int refLines = lines(r, spec.scale());
        double refPrf = prf(r, spec.scale(), refLines);
        Instant refStart = Orbit.plus(spec.centreTime(), -(refLines - 1) / (2 * refPrf)).truncatedTo(ChronoUnit.MICROS);
        Instant nominalStart = Orbit.plus(refStart, -r.startOffset());
        for (CeosSampleSpec.Scan s : scans) {
            int lines = lines(s, spec.scale());
            double prf = prf(s, spec.scale(), lines);
            long near;
            int pixels;
            if (spec.isScanSar()) {
                near = Math.round(slantRange(a, earth, s.offNadirNear()));
                pixels = (int) Math.floor((slantRange(a, earth, s.offNadirFar()) - near) / dr) + 1;
            } else {
                pixels = (int) Math.round((s.pixels() - 1) / spec.scale()) + 1;
                near = Math.round(slantRange(a, earth, s.offNadirNear()) - (pixels - 1) / 2.0 * dr);
            }
            Instant start = s == r ? refStart : Orbit.plus(nominalStart, s.startOffset()).truncatedTo(ChronoUnit.MICROS);
            images.add(new Image(s.number(), start, prf, lines, pixels, near, dr));
        }
        return new SampleGeometry(spec, orbit, images, ref);
    }

    private static int lines(CeosSampleSpec.Scan s, double scale) {
        long full = Math.round(s.duration() * s.prf()) + 1;
        return (int) Math.max(16, Math.round((full - 1) / scale) + 1);
    }

    /** The PRF that spreads the (scaled) lines over the full-size product's duration. */
    private static double prf(CeosSampleSpec.Scan s, double scale, int lines) {
        long full = Math.round(s.duration() * s.prf()) + 1;
        return s.prf() * (lines - 1) / (full - 1);
    }

    /** Slant range at look angle {@code offNadirDeg} from radius {@code a} to a sphere of radius {@code r}. */
    static double slantRange(double a, double r, double offNadirDeg) {
        double t = Math.toRadians(offNadirDeg);
        double s = a * Math.sin(t);
        return a * Math.cos(t) - Math.sqrt(r * r - s * s);
    }

    /**
     * The circular orbit whose zero-Doppler target at {@code range} on the look side lies on the
     * requested centre at the centre time: Newton's method on the node longitude and the argument
     * of latitude, from a spherical first guess.
     */
    private static CircularOrbit solveOrbit(CeosSampleSpec spec, double range) {
        double inc = CircularOrbit.ALOS2_INCLINATION;
        double a = CircularOrbit.ALOS2_RADIUS;
        LonLat c = spec.centre();
        double lat = Math.toRadians(c.lat());
        double lon = Math.toRadians(c.lon());
        double earth = Ellipsoid.WGS84.toCartesian(c.lat(), c.lon(), 0).norm();
        double gamma = Math.acos((a * a + earth * earth - range * range) / (2 * a * earth));
        boolean ascending = spec.name().product().direction() == OrbitDirection.ASCENDING;
        double track = Math.asin(Math.max(-1, Math.min(1, Math.cos(inc) / Math.cos(lat))));
        if (!ascending) {
            track = Math.PI - track;
        }
        double look = track + (spec.lookSide() == LookSide.RIGHT ? Math.PI / 2 : -Math.PI / 2);
        double back = look + Math.PI;
        double subLat = Math.asin(Math.sin(lat) * Math.cos(gamma) + Math.cos(lat) * Math.sin(gamma) * Math.cos(back));
        double subLon = lon + Math.atan2(Math.sin(back) * Math.sin(gamma) * Math.cos(lat), Math.cos(gamma) - Math.sin(lat) * Math.sin(subLat));
        double sinU = Math.sin(subLat) / Math.sin(inc);
        if (Math.abs(sinU) > 1) {
            throw new IllegalArgumentException("ALOS-2 cannot look at latitude " + c.lat() + " from its orbit (it passes within "
                    + Math.round(180 - Math.toDegrees(inc)) + " degrees of the poles)");
        }
        double u = ascending ? Math.asin(sinU) : Math.PI - Math.asin(sinU);
        double node = subLon - Math.atan2(Math.cos(inc) * Math.sin(u), Math.cos(u));
        CircularOrbit orbit = new CircularOrbit(spec.centreTime(), a, inc, node, u);
        double[] x = {node, u};
        for (int it = 0; it < 40; it++) {
            double[] f = residual(orbit.withNodeAndLatitudeArg(x[0], x[1]), spec, range);
            if (Math.abs(f[0]) + Math.abs(f[1]) < 1e-12) {
                break;
            }
            double h = 1e-7;
            double[] f0 = residual(orbit.withNodeAndLatitudeArg(x[0] + h, x[1]), spec, range);
            double[] f1 = residual(orbit.withNodeAndLatitudeArg(x[0], x[1] + h), spec, range);
            double j00 = (f0[0] - f[0]) / h, j10 = (f0[1] - f[1]) / h, j01 = (f1[0] - f[0]) / h, j11 = (f1[1] - f[1]) / h;
            double det = j00 * j11 - j01 * j10;
            x[0] -= (j11 * f[0] - j01 * f[1]) / det;
            x[1] -= (-j10 * f[0] + j00 * f[1]) / det;
        }
        CircularOrbit solved = orbit.withNodeAndLatitudeArg(x[0], x[1]);
        double[] f = residual(solved, spec, range);
        if (Math.abs(f[0]) + Math.abs(f[1]) > 1e-9) {
            throw new IllegalArgumentException("cannot place an ALOS-2 orbit looking at " + c.lat() + ", " + c.lon());
        }
        return solved;
    }

    private static double[] residual(CircularOrbit o, CeosSampleSpec spec, double range) {
        Geodetic g = RangeDopplerGeolocator.locate(o.at(spec.centreTime()), range, spec.lookSide(), 0, Ellipsoid.WGS84);
        double dLon = Math.toRadians(g.lon() - spec.centre().lon());
        dLon = Math.atan2(Math.sin(dLon), Math.cos(dLon));
        return new double[] {Math.toRadians(g.lat() - spec.centre().lat()), dLon * Math.cos(Math.toRadians(g.lat()))};
    }

    public CeosSampleSpec spec() {
        return spec;
    }

    public CircularOrbit orbit() {
        return orbit;
    }

    public List<Image> images() {
        return images;
    }

    /** Index of the image the leader's facility-5 polynomial and scene centre refer to (the middle scan). */
    public int reference() {
        return reference;
    }

    /** Exact position of (0-based) sample {@code pixel} of line {@code line} of an image, on the ellipsoid. */
    public LonLat locate(Image im, double pixel, double line) {
        double dt = line / im.prf();
        Instant t = Orbit.plus(im.start(), dt);
        return RangeDopplerGeolocator.locate(orbit.at(t), im.range(pixel), spec.lookSide(), 0, Ellipsoid.WGS84).lonLat();
    }

    /** An image's corners, in radar order: (first line, near), (first line, far), (last line, far), (last line, near). */
    public List<LonLat> corners(Image im) {
        return List.of(at(im.start(), im.nearRange()), at(im.start(), im.farRange()), at(im.end(), im.farRange()), at(im.end(), im.nearRange()));
    }

    /** The product's extent in the same order; for ScanSAR all scans' earliest and latest lines and nearest and farthest ranges. */
    public List<LonLat> extent() {
        if (images.size() == 1) {
            return corners(images.get(0));
        }
        Instant t0 = images.stream().map(Image::start).min(Instant::compareTo).orElseThrow();
        Instant t1 = images.stream().map(Image::end).max(Instant::compareTo).orElseThrow();
        double near = images.stream().mapToDouble(Image::nearRange).min().orElseThrow();
        double far = images.stream().mapToDouble(Image::farRange).max().orElseThrow();
        return List.of(at(t0, near), at(t0, far), at(t1, far), at(t1, near));
    }

    public Instant start() {
        return images.stream().map(Image::start).min(Instant::compareTo).orElseThrow();
    }

    public Instant end() {
        return images.stream().map(Image::end).max(Instant::compareTo).orElseThrow();
    }

    private LonLat at(Instant t, double range) {
        return RangeDopplerGeolocator.locate(orbit.at(t), range, spec.lookSide(), 0, Ellipsoid.WGS84).lonLat();
    }

    /** 28 state vectors 60 s apart from the whole minute 13 minutes before the scene centre, as JAXA gives them. */
    public List<StateVector> stateVectors() {
        Instant first = spec.centreTime().truncatedTo(ChronoUnit.MINUTES).minusSeconds(13 * 60);
        if (Orbit.seconds(first, end()) > 27 * 60 - 60) {
            first = start().truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);
        }
        List<StateVector> out = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            Instant t = first.plusSeconds(60L * i);
            OrbitState s = orbit.at(t);
            out.add(new StateVector(t, s.position().x(), s.position().y(), s.position().z(), s.velocity().x(), s.velocity().y(),
                    s.velocity().z()));
        }
        return out;
    }

    /** The reference image's centre line and sample, and the time of that line. */
    public long centreLine() {
        return (images.get(reference).lines() - 1) / 2;
    }

    public long centrePixel() {
        return images.get(reference).pixels() / 2;
    }

    public Instant centreLineTime() {
        return images.get(reference).lineTime(centreLine());
    }

    public LonLat sceneCentre() {
        Image im = images.get(reference);
        return locate(im, centrePixel(), centreLine());
    }

    /** Angle between the look direction and the vertical at the satellite (off-nadir) and at the target (incidence), degrees. */
    public double[] anglesAtCentre() {
        Image im = images.get(reference);
        OrbitState s = orbit.at(centreLineTime());
        LonLat c = sceneCentre();
        Vector3 t = Ellipsoid.WGS84.toCartesian(c.lat(), c.lon(), 0);
        Vector3 look = t.minus(s.position()).unit();
        Geodetic sub = Ellipsoid.WGS84.toGeodetic(s.position());
        Vector3 down = normal(sub.lat(), sub.lon()).times(-1);
        Vector3 up = normal(c.lat(), c.lon());
        double offNadir = Math.toDegrees(Math.acos(look.dot(down)));
        double incidence = Math.toDegrees(Math.acos(look.times(-1).dot(up)));
        return new double[] {offNadir, incidence, im.prf()};
    }

    /** Ground-track heading at the centre time, degrees clockwise from north (-180..180). */
    public double heading() {
        OrbitState s = orbit.at(centreLineTime());
        Geodetic sub = Ellipsoid.WGS84.toGeodetic(s.position());
        double la = Math.toRadians(sub.lat());
        double lo = Math.toRadians(sub.lon());
        Vector3 east = new Vector3(-Math.sin(lo), Math.cos(lo), 0);
        Vector3 north = new Vector3(-Math.sin(la) * Math.cos(lo), -Math.sin(la) * Math.sin(lo), Math.cos(la));
        return Math.toDegrees(Math.atan2(s.velocity().dot(east), s.velocity().dot(north)));
    }

    static Vector3 normal(double latDeg, double lonDeg) {
        double la = Math.toRadians(latDeg);
        double lo = Math.toRadians(lonDeg);
        return new Vector3(Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la));
    }
}
