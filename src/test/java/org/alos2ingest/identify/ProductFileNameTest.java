package org.alos2ingest.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductFileNameTest {

    @Test
    void readsEveryFieldOfAnImageName() {
        ProductFileName f = ProductFileName.parse("IMG-HV-ALOS2015976960-140909-FBDR1.5GUA").orElseThrow();
        assertEquals(FileType.IMG, f.type());
        assertEquals("HV", f.polarisation());
        assertNull(f.scan());
        assertEquals("", f.extension());
        SceneId s = f.product().scene();
        assertEquals(1597, s.orbit());
        assertEquals(6960, s.frame());
        assertEquals(LocalDate.of(2014, 9, 9), s.date());
        assertEquals(26, s.pathNumber(), "KML Path No of the pyroSAR fixture");
        ProductId p = f.product().product();
        assertEquals(ObservationMode.FBD, p.mode());
        assertEquals("Fine, dual polarisation", p.mode().description());
        assertEquals(LookSide.RIGHT, p.lookSide());
        assertEquals(ProcessingLevel.L1_5, p.level());
        assertEquals('G', p.processingOption());
        assertEquals('U', p.mapProjection());
        assertEquals(OrbitDirection.ASCENDING, p.direction());
        assertEquals("ALOS2015976960-140909-FBDR1.5GUA", f.product().text());
        assertFalse(f.isGeoTiff());
    }

    @Test
    void readsGeoTiffLutKmlAndBrowseNames() {
        assertTrue(ProductFileName.parse("IMG-HH-ALOS2337294000-200821-UBSL1.5GUD.tif").orElseThrow().isGeoTiff());
        ProductFileName lut = ProductFileName.parse("LUT-HH-ALOS2337294000-200821-UBSL1.5GUD.txt").orElseThrow();
        assertEquals(FileType.LUT, lut.type());
        assertEquals(LookSide.LEFT, lut.product().product().lookSide());
        assertEquals(OrbitDirection.DESCENDING, lut.product().product().direction());
        ProductFileName kml = ProductFileName.parse("ALOS2146686640-170209_FBDR1.5GUA.kml").orElseThrow();
        assertEquals(FileType.KML, kml.type());
        assertEquals("ALOS2146686640-170209-FBDR1.5GUA", kml.product().text());
        assertEquals(FileType.BRS, ProductFileName.parse("BRS-HH-ALOS2337294000-200821-UBSL1.5GUD.jpg").orElseThrow().type());
        assertEquals(FileType.LED, ProductFileName.parse("LED-ALOS2015976960-140909-FBDR1.5GUA").orElseThrow().type());
    }

    @Test
    void readsScanSarScanSuffixesAndLevel11Options() {
        ProductFileName f = ProductFileName.parse("IMG-HH-ALOS2101143750-160407-WBDR1.1__D-F3").orElseThrow();
        assertEquals("F3", f.scan());
        assertEquals(ObservationMode.WBD, f.product().product().mode());
        assertTrue(f.product().product().mode().isScanSar());
        assertEquals(5, f.product().product().mode().scans());
        assertEquals('_', f.product().product().processingOption());
        assertEquals('_', f.product().product().mapProjection());
        assertEquals("B3", ProductFileName.parse("IMG-HH-ALOS2225333100-180726-WWDR1.1__D-B3").orElseThrow().scan());
        assertEquals(7, ObservationMode.VBD.scans());
    }

    @ParameterizedTest
    @CsvSource({
            "SBS, 'Spotlight, single polarisation', 1", "UBS, 'Ultra-fine, single polarisation', 1",
            "UBD, 'Ultra-fine, dual polarisation', 2", "HBS, 'High-sensitive, single polarisation', 1",
            "HBD, 'High-sensitive, dual polarisation', 2", "HBQ, 'High-sensitive, full (quad) polarisation', 4",
            "FBS, 'Fine, single polarisation', 1", "FBD, 'Fine, dual polarisation', 2", "FBQ, 'Fine, full (quad) polarisation', 4",
            "WBS, 'ScanSAR nominal 350 km (14 MHz), single polarisation', 1", "WBD, 'ScanSAR nominal 350 km (14 MHz), dual polarisation', 2",
            "WWS, 'ScanSAR nominal 350 km (28 MHz), single polarisation', 1", "WWD, 'ScanSAR nominal 350 km (28 MHz), dual polarisation', 2",
            "VBS, 'ScanSAR wide 490 km, single polarisation', 1", "VBD, 'ScanSAR wide 490 km, dual polarisation', 2"})
    void knowsAllFifteenModes(String code, String description, int pols) {
        ProductId p = ProductId.parse(code + "R1.5GUA");
        assertEquals(code, p.mode().name());
        assertEquals(description, p.mode().description());
        assertEquals(pols, p.mode().polarisations());
        assertEquals(15, ObservationMode.values().length);
    }

    @ParameterizedTest
    @CsvSource({"1597, 26", "14668, 32", "33729, 63", "47812, 161"})
    void pathNumberMatchesJaxa(int orbit, int path) {
        assertEquals(path, new SceneId(orbit, 0, LocalDate.of(2020, 1, 1)).pathNumber());
    }

    @Test
    void recognisesButRefusesLevels10And31() {
        assertFalse(ProductId.parse("FBDR1.0__A").level().isSupported());
        assertTrue(ProductId.parse("FBDR1.0__A").level().refusal().contains("Level 1.0"));
        assertFalse(ProductId.parse("FBDR3.1GUA").level().isSupported());
        assertTrue(ProductId.parse("UBSR2.1GUD").level().isSupported());
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMG-HH-ALPSRP123456780-H1.5GUA", "LED-ALPSRP123456780-H1.1__A", "IMG-HV-ALPSRS012345670-W1.5GUD"})
    void refusesAlos1Names(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProductFileName.parse(name));
        assertTrue(e.getMessage().contains("ALOS-1"), e.getMessage());
    }

    @Test
    void refusesAlos4Names() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductFileName.parse("IMG-HH-ALOS41250710250728UWDPRA0108-1.1__-"));
        assertTrue(e.getMessage().contains("ALOS-4"), e.getMessage());
    }

    @Test
    void saysWhichPartOfABrokenNameIsWrong() {
        Map<String, String> cases = Map.of(
                "IMG-HH-ALOS2015976960-140909-XYZR1.5GUA", "unknown observation mode 'XYZ'",
                "IMG-HH-ALOS2015976960-140909-FBDR4.2GUA", "unknown processing level '4.2'",
                "IMG-HH-ALOS2015976960-140909-FBDX1.5GUA", "unknown look side 'X'",
                "IMG-HH-ALOS2015976960-140909-FBDR1.5GUQ", "unknown orbit direction 'Q'",
                "IMG-HH-ALOS2015976960-141309-FBDR1.5GUA", "not a valid YYMMDD date");
        cases.forEach((name, expected) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProductFileName.parse(name), name);
            assertTrue(e.getMessage().contains(expected), name + " -> " + e.getMessage());
        });
    }

    @Test
    void ignoresFilesThatAreNotProductFiles() {
        assertTrue(ProductFileName.parse("summary.txt").isEmpty());
        assertTrue(ProductFileName.parse("readme.html").isEmpty());
        assertTrue(ProductFileName.parse("IMGHH.tif").isEmpty());
    }

    @Test
    void imageFilesNeedAPolarisationAndLeadersMustNotHaveOne() {
        assertThrows(IllegalArgumentException.class, () -> ProductFileName.parse("IMG-ALOS2015976960-140909-FBDR1.5GUA"));
        assertThrows(IllegalArgumentException.class, () -> ProductFileName.parse("LED-HH-ALOS2015976960-140909-FBDR1.5GUA"));
    }
}
