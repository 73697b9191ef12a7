package org.alos2ingest.testing;

import java.time.Instant;

import org.alos2ingest.geo.StateVector;

/**
 * Values read from the real JAXA leader of the pyroSAR fixture (FBD L1.5, ALOS2015976960-140909),
 * as alos2-formats.md 3.2 and 4.3 quote and verify them. The leader itself is not in this
 * repository; tests rebuild its records from these numbers.
 */
public final class RealLeader {

    private RealLeader() {
    }

    /** First of the 28 state vectors: 2014-09-09 15600 s of day (04:20:00 UTC), ECR. */
    public static final StateVector FIRST_VECTOR = new StateVector(Instant.parse("2014-09-09T04:20:00Z"),
            2.129356513345231E+06, -2.537160285770472E+06, -6.186365282866754E+06,
            2.210617723062227E+03, -6.430174050313417E+03, 3.399320612334796E+03);

    /** DSSR scene centre time (position 69: 20140909043347052). */
    public static final Instant SCENE_CENTRE_TIME = Instant.parse("2014-09-09T04:33:47.052Z");

    /** Hermite state at the scene centre time, verified on the real leader (alos2-formats.md 4.3). */
    public static final double[] CENTRE_POSITION = {2700027.26, -6310199.56, -1444947.78};
    public static final double[] CENTRE_VELOCITY = {-833.782, -2021.269, 7305.191};

    /** Geodetic sub-satellite point of that state; = DSSR nadir lat/lon @453/@461 and map projection altitude @189. */
    public static final double NADIR_LAT = -11.95924;
    public static final double NADIR_LON = -66.83474;
    public static final double NADIR_HEIGHT = 636806.57;

    /** DSSR scene centre @117/@133, which lies at zero Doppler 1 ms from the centre time, 811 678.5 m away. */
    public static final double CENTRE_LAT = -11.0510316;
    public static final double CENTRE_LON = -62.5322403;
    public static final double CENTRE_SLANT_RANGE = 811_678.5;

    /** The platform position record's "orbital elements" @45-@125, the same state to about 2 m. */
    public static final double[] ORBITAL_ELEMENTS = {2700027.0477125, -6310200.0728407, -1444945.9387334, -833.7829005, -2021.2667121, 7305.1918196};
}
