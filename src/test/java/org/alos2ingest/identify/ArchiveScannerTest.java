package org.alos2ingest.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ArchiveScannerTest {

    private static final Path FOLDER = Path.of("/archive/P032/F6640").toAbsolutePath();

    private static List<Path> files(String... names) {
        return java.util.Arrays.stream(names).map(FOLDER::resolve).toList();
    }

    @Test
    void groupsTheFilesOfEachLevel11SceneByFrameAndDate() {
        List<ArchiveGroup> groups = ArchiveScanner.groupsOf(FOLDER, files(
                "IMG-HH-ALOS2146686640-170209-FBDR1.1__A", "IMG-HV-ALOS2146686640-170209-FBDR1.1__A",
                "LED-ALOS2146686640-170209-FBDR1.1__A", "VOL-ALOS2146686640-170209-FBDR1.1__A",
                "IMG-HH-ALOS2101143750-160407-WBDR1.1__D-F3", "LED-ALOS2101143750-160407-WBDR1.1__D",
                "IMG-HH-ALOS2015976960-140909-FBDR1.5GUA", "readme.txt"));
        assertEquals(List.of("3750-160407", "6640-170209"), groups.stream().map(ArchiveGroup::fdate).toList());
        assertEquals(2, groups.get(0).files().size());
        assertEquals(4, groups.get(1).files().size());
        assertEquals("ALOS2146686640-170209-FBDR1.1__A-md", groups.get(1).datasetId());
    }

    @Test
    void leavesOutImagesOfOtherLevelsAndNamesThatBreakTheGrammar() {
        List<ArchiveGroup> groups = ArchiveScanner.groupsOf(FOLDER, files(
                "IMG-HH-ALOS2015976960-140909-FBDR1.5GUA", "IMG-HH-ALOS2337294000-200821-UBSL2.1GUD.tif",
                "IMG-XX-ALOS2146686640-170209-FBDR1.1__A", "IMG-HH-ALOS2146686640-171399-FBDR1.1__A",
                "IMG-HH-ALPSRP146686640-H1.1__A"));
        assertEquals(List.of(), groups);
    }

    @Test
    void sceneIdsNameTheirFrameAndDateAndAreFoundInLongerNames() {
        assertEquals("6960-140909", SceneId.parse("ALOS2015976960-140909").fdate());
        assertEquals("0010-140909", new SceneId(1597, 10, java.time.LocalDate.of(2014, 9, 9)).fdate());
        assertEquals(Optional.of("ALOS2015976960-140909"),
                SceneId.findIn("x_ALOS2015976960-141399_ALOS2015976960-140909.zip").map(SceneId::text), "passes over a 13th month");
        assertEquals(Optional.of("ALOS2015976960-140909-FBDR1.5GUA"),
                ProductName.findIn("ALOS2015976960-140909-XYZR1.5GUA_ALOS2015976960-140909-FBDR1.5GUA.zip").map(ProductName::text),
                "passes over an unknown mode");
        assertEquals(Optional.empty(), ProductName.findIn("0000022708_001001_ALOS2015976960-140909.zip"));
    }
}
