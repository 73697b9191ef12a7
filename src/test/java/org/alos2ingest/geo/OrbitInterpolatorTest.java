package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.alos2ingest.format.ceos.PlatformPositionRecord;
import org.alos2ingest.geo.StateVector;
import org.alos2ingest.testing.J2Propagator;
import org.alos2ingest.testing.RealLeader;
import org.alos2ingest.testing.Records;
import org.junit.jupiter.api.Test;

/**
 * ISCE's Hermite interpolation on a platform position record rebuilt from the real leader: its 28
 * state vectors are the real first vector propagated at 60 s intervals (J2 gravity), written in
 * {@code E22.15} fields and read back.
 */
class OrbitInterpolatorTest {

    private static final List<StateVector> PROPAGATED = J2Propagator.vectors(RealLeader.FIRST_VECTOR, 28, 60);
    private static final List<StateVector> READ = new PlatformPositionRecord(
            Records.record(Records.platformPosition(PROPAGATED, 60), PlatformPositionRecord.LAYOUT)).stateVectors();

    @Test
    void recordReadsBackTheStateVectorsAsWritten() {
        assertEquals(28, READ.size());
        StateVector first = READ.get(0);
        assertEquals(Instant.parse("2014-09-09T04:20:00Z"), first.time());
        assertEquals(2.129356513345231E+06, first.x(), 0);
        assertEquals(-6.186365282866754E+06, first.z(), 0);
        assertEquals(3.399320612334796E+03, first.vz(), 0);
        assertEquals(Instant.parse("2014-09-09T04:47:00Z"), READ.get(27).time());
    }

    @Test
    void hermiteStateAtTheSceneCentreTimeMatchesTheRealLeader() {
        OrbitState s = new OrbitInterpolator(READ).at(RealLeader.SCENE_CENTRE_TIME);
        // JAXA's vectors come from a full force model; J2 alone drifts about 25 m over the 827 s from the first vector.
        assertEquals(RealLeader.CENTRE_POSITION[0], s.position().x(), 40);
        assertEquals(RealLeader.CENTRE_POSITION[1], s.position().y(), 40);
        assertEquals(RealLeader.CENTRE_POSITION[2], s.position().z(), 40);
        assertEquals(RealLeader.CENTRE_VELOCITY[0], s.velocity().x(), 0.1);
        assertEquals(RealLeader.CENTRE_VELOCITY[1], s.velocity().y(), 0.1);
        assertEquals(RealLeader.CENTRE_VELOCITY[2], s.velocity().z(), 0.1);
    }

    @Test
    void hermiteIsExactToCentimetresBetweenNodes() {
        OrbitInterpolator orbit = new OrbitInterpolator(READ);
        StateVector first = READ.get(0);
        double[] s0 = {first.x(), first.y(), first.z(), first.vx(), first.vy(), first.vz()};
        for (double dt : new double[] {827.052, 30.0, 1619.5, 0.001}) {
            double[] truth = J2Propagator.propagate(s0, dt);
            OrbitState s = orbit.at(Orbit.plus(first.time(), dt));
            assertEquals(0, s.position().distance(new Vector3(truth[0], truth[1], truth[2])), 0.01, "position at +" + dt + " s");
            assertEquals(0, s.velocity().distance(new Vector3(truth[3], truth[4], truth[5])), 1e-4, "velocity at +" + dt + " s");
        }
    }

    @Test
    void interpolatingAtANodeReproducesIt() {
        OrbitInterpolator orbit = new OrbitInterpolator(READ);
        StateVector node = READ.get(5);
        OrbitState s = orbit.at(node.time());
        assertEquals(0, s.position().distance(new Vector3(node.x(), node.y(), node.z())), 1e-5);
        assertEquals(0, s.velocity().distance(new Vector3(node.vx(), node.vy(), node.vz())), 1e-8);
        StateVector last = READ.get(27);
        assertEquals(0, orbit.at(last.time()).position().distance(new Vector3(last.x(), last.y(), last.z())), 1e-5);
    }

    @Test
    void refusesTimesOutsideTheVectors() {
        OrbitInterpolator orbit = new OrbitInterpolator(READ);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> orbit.at(Instant.parse("2014-09-09T04:19:59Z")));
        assertTrue(e.getMessage().contains("outside the state vectors"), e.getMessage());
    }
}
