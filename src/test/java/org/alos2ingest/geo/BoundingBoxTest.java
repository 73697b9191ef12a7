package org.alos2ingest.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void fourNumbersOrSixWithHeights() {
        assertEquals(new BoundingBox(-71, -28, -69, -26), BoundingBox.parse("-71,-28,-69,-26"));
        assertEquals(new BoundingBox(-71, -28, -69, -26), BoundingBox.parse(" -71, -28, -100, -69, -26, 5000 "));
    }

    @Test
    void westOfEastCrossesTheAntimeridianAsTwoBoxes() {
        BoundingBox b = BoundingBox.parse("170,-20,-170,-10");
        assertTrue(b.crossesAntimeridian());
        assertEquals(2, b.geometry().getNumGeometries());
        assertFalse(BoundingBox.parse("-170,-20,170,-10").crossesAntimeridian());
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertEquals("10,20 is not a box: expected 4 numbers west,south,east,north in degrees (or 6 with heights), got 2",
                assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("10,20")).getMessage());
        assertEquals("1,x,3,4 is not a box: south 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,x,3,4")).getMessage());
        assertEquals("1,30,3,20 is not a box: south 30 is north of north 20",
                assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,30,3,20")).getMessage());
        assertEquals("181,0,3,20 is not a box: west 181 is not a longitude from -180 to 180",
                assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("181,0,3,20")).getMessage());
        assertEquals("1,0,3,Infinity is not a box: north 'Infinity' is not a number",
                assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,0,3,Infinity")).getMessage());
    }
}
