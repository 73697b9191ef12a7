package org.alos2ingest.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryFileTest {

    private static final Path F = Path.of("summary.txt");

    @Test
    void readsQuotedValuesBlanksCrlfAndUnknownKeys() {
        SummaryFile s = SummaryFile.parse(F, "Scs_SceneID=\"ALOS2015976960-140909\"\r\n"
                + "Ach_PRF_Check=\"\"\r\n"
                + "Pdi_NoOfPixels_1=\" 9196\"\r\n"
                + "\r\n"
                + "Xyz_SomethingNew=\"a: b = c\"\r\n"
                + "Odi_SiteDateTime=\"PROCESS:JAPAN-JAXA-ALOS2-EICS  20150320 080952\"\r\n");
        assertEquals("ALOS2015976960-140909", s.require("Scs_SceneID"));
        assertTrue(s.get("Ach_PRF_Check").isEmpty(), "blank value reads as absent");
        assertEquals("", s.entries().get("Ach_PRF_Check"), "but the key is kept");
        assertEquals(9196, s.getInt("Pdi_NoOfPixels_1").orElseThrow());
        assertEquals("a: b = c", s.require("Xyz_SomethingNew"));
        assertEquals("PROCESS:JAPAN-JAXA-ALOS2-EICS  20150320 080952", s.require("Odi_SiteDateTime"), "inner spaces kept");
        assertEquals(List.of("Scs_SceneID", "Ach_PRF_Check", "Pdi_NoOfPixels_1", "Xyz_SomethingNew", "Odi_SiteDateTime"),
                List.copyOf(s.entries().keySet()), "file order kept");
    }

    @Test
    void readsTimes() {
        SummaryFile s = SummaryFile.parse(F, "Img_SceneStartDateTime=\"20140909 04:33:42.052\"\n");
        assertEquals(LocalDateTime.of(2014, 9, 9, 4, 33, 42, 52_000_000), s.getTime("Img_SceneStartDateTime").orElseThrow());
    }

    @Test
    void refusesEmptyAndMalformedFiles() {
        IdentifyException empty = assertThrows(IdentifyException.class, () -> SummaryFile.parse(F, ""));
        assertEquals("summary.txt: summary.txt is empty", empty.getMessage());
        IdentifyException blank = assertThrows(IdentifyException.class, () -> SummaryFile.parse(F, "\n\n  \n"));
        assertTrue(blank.getMessage().contains("empty"));
        IdentifyException bad = assertThrows(IdentifyException.class, () -> SummaryFile.parse(F, "Scs_SceneID=\"x\"\nthis is not a key\n"));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
        IdentifyException notNumber = assertThrows(IdentifyException.class,
                () -> SummaryFile.parse(F, "Pdi_NoOfPixels_0=\"abc\"\n").getInt("Pdi_NoOfPixels_0"));
        assertTrue(notNumber.getMessage().contains("Pdi_NoOfPixels_0"));
    }

    @Test
    void readsTheRealFixtures() {
        SummaryFile fbd = SummaryFile.read(Path.of("src/test/resources/fixtures/geotiff-l15/ALOS2146686640-170209/summary.txt"));
        assertEquals(61, fbd.entries().size(), "every line of the file");
        assertTrue(fbd.isGeoTiff());
        assertEquals(14060, fbd.getInt("Pdi_NoOfPixels_0").orElseThrow());
        assertEquals(-26.935, fbd.getDouble("Img_ImageSceneLeftTopLatitude").orElseThrow());
    }
}
