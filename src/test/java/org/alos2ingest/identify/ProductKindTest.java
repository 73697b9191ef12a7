package org.alos2ingest.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductKindTest {

    @Test
    void level11IsGeolocatedFromItsOrbitAndDescribedFromItsCeosFilesFirst() {
        ProductKind k = ProductKind.of(ProcessingLevel.L1_1, ProductFormat.CEOS);
        assertEquals(ProductKind.L1_1_CEOS, k);
        assertEquals(ProductKind.SummaryCorners.NONE, k.summaryCorners());
        assertTrue(k.readsCeosFiles());
        assertTrue(k.ceosFirst());
        assertTrue(k.radarGeometry());
        assertTrue(k.archived());
        assertEquals(ProductKind.Pictures.CEOS_QUICK_LOOKS, k.pictures());
        assertEquals("ALOS2-L1.1_SLC", k.datasetName(Optional.empty()));
        assertEquals("ALOS2_SLC_VERSION", k.versionKey());
    }

    @Test
    void level15KeepsSummaryCornersWhichTheGeoTiffOutlineOnlyChecks() {
        ProductKind tiff = ProductKind.of(ProcessingLevel.L1_5, ProductFormat.GEOTIFF);
        assertEquals(ProductKind.SummaryCorners.IMAGE_SCENE, tiff.summaryCorners());
        assertEquals(ProductKind.Outline.CHECKS_SUMMARY, tiff.outline());
        assertEquals(ProductKind.Pictures.GEOTIFF_IMAGES, tiff.pictures());
        assertFalse(tiff.readsCeosFiles());
        ProductKind ceos = ProductKind.of(ProcessingLevel.L1_5, ProductFormat.CEOS);
        assertTrue(ceos.readsCeosFiles());
        assertFalse(ceos.ceosFirst(), "CEOS files only fill what summary.txt lacks");
        assertFalse(ceos.radarGeometry());
        assertEquals(ProductKind.Outline.NONE, ceos.outline());
        assertEquals("ALOS2_GEOTIFF_VERSION", ceos.versionKey());
    }

    @Test
    void level21FootprintIsTheValidDataOutlineOfItsGeoTiff() {
        ProductKind k = ProductKind.of(ProcessingLevel.L2_1, ProductFormat.GEOTIFF);
        assertEquals(ProductKind.SummaryCorners.RASTER_FRAME, k.summaryCorners());
        assertEquals(ProductKind.Outline.IS_FOOTPRINT, k.outline());
        assertFalse(k.archived());
    }

    @Test
    void aKindJaxaDoesNotShipMakesNoPicturesAndHasNoFootprintSource() {
        ProductKind k = ProductKind.of(ProcessingLevel.L1_1, ProductFormat.GEOTIFF);
        assertEquals(ProductKind.Pictures.NONE, k.pictures());
        assertEquals(ProductKind.SummaryCorners.NONE, k.summaryCorners());
        assertFalse(k.readsCeosFiles());
        assertEquals("L1.1 GEOTIFF", k.toString());
    }

    @Test
    void unsupportedLevelsHaveNoKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductKind.of(ProcessingLevel.L1_0, ProductFormat.CEOS));
        assertTrue(e.getMessage().contains("order Level 1.1 or higher"), e.getMessage());
        assertEquals(Optional.empty(), ProductKind.ofName(ProductFileName.parse("IMG-HH-ALOS2015976960-140909-FBDR1.0__A").orElseThrow()));
    }

    @Test
    void aNameAnnouncesItsKindByItsExtension() {
        assertEquals(Optional.of(ProductKind.L1_5_GEOTIFF),
                ProductKind.ofName(ProductFileName.parse("IMG-HH-ALOS2337294000-200821-UBSL1.5GUD.tif").orElseThrow()));
        assertEquals(Optional.of(ProductKind.L1_1_CEOS),
                ProductKind.ofName(ProductFileName.parse("IMG-HH-ALOS2101143750-160407-WBDR1.1__D-F3").orElseThrow()));
    }

    @Test
    void datasetNameFollowsTheFormatSummaryTxtDeclares(@TempDir Path tmp) throws IOException {
        Path geotiff = Files.writeString(tmp.resolve("summary.txt"), "Pdi_ProductFormat=\"GeoTIFF\"\n");
        ProductKind ceos = ProductKind.of(ProcessingLevel.L1_5, ProductFormat.CEOS);
        assertEquals("ALOS2_GeoTIFF", ceos.datasetName(Optional.of(SummaryFile.read(geotiff))));
        assertEquals("ALOS2_CEOS", ceos.datasetName(Optional.empty()));
        assertEquals("ALOS2_GeoTIFF", ProductKind.of(ProcessingLevel.L2_1, ProductFormat.GEOTIFF).datasetName(Optional.empty()));
    }

    @Test
    void versionKeyOfADatasetsJsonLevel() {
        assertEquals("ALOS2_SLC_VERSION", ProductKind.versionKey("l1.1"));
        assertEquals("ALOS2_SLC_VERSION", ProductKind.versionKey("L1.1"));
        assertEquals("ALOS2_GEOTIFF_VERSION", ProductKind.versionKey("l2.1"));
        assertEquals("ALOS2_GEOTIFF_VERSION", ProductKind.versionKey("anything else"), "the old system's default");
    }

    @Test
    void geoTiffCapableLevelsAreThoseWithAGeoTiffRenderer() {
        assertTrue(ProcessingLevel.L1_5.isGeoTiffCapable());
        assertTrue(ProcessingLevel.L2_1.isGeoTiffCapable());
        assertFalse(ProcessingLevel.L1_1.isGeoTiffCapable());
        assertFalse(ProcessingLevel.L3_1.isGeoTiffCapable());
    }
}
