package org.alos2ingest.stac;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sar extension (v1.3.0) fields of an ALOS-2 PALSAR-2 dataset. */
final class SarFields {

    /**
     * PALSAR-2's centre frequency in GHz when the leader gives no wavelength: 1257.5 MHz, JAXA's
     * documented value for every mode (JAXA EORC, "ALOS-2 / PALSAR-2 characteristics": 1257.5 MHz for
     * spotlight and the 84 MHz stripmap SM1, and the default of SM2, SM3 and ScanSAR, which may be
     * placed at 1236.5 or 1278.5 MHz instead; only the leader's wavelength tells those apart).
     */
    static final double JAXA_CENTRE_FREQUENCY_GHZ = 1.2575;
    private static final double SPEED_OF_LIGHT = 299_792_458;
    private static final Set<String> POLARIZATIONS = Set.of("HH", "VV", "HV", "VH");

    private SarFields() {
    }

    static void put(ObjectNode p, JsonNode met) {
        JsonNode md = met.path("alos2md");
        String mode = met.path("dfdn").path("AcquistionMode").asText("");
        if (!mode.isEmpty()) {
            p.put("sar:instrument_mode", mode);
        }
        p.put("sar:frequency_band", "L");
        p.put("sar:center_frequency", centreFrequencyGhz(md));
        ArrayNode pols = p.putArray("sar:polarizations");
        for (JsonNode pol : met.path("polarisations")) {
            if (POLARIZATIONS.contains(pol.asText())) {
                pols.add(pol.asText());
            }
        }
        String look = met.path("lookDirection").asText("");
        if (look.equals("right") || look.equals("left")) {
            p.put("sar:observation_direction", look);
        }
        // Level 1.5 and 2.1 are resampled to square pixels (summary.txt Pds_PixelSpacing); Level 1.1 has its range spacing
        Double square = StacItems.number(md, "pds_pixelspacing");
        Double range = square != null ? square : StacItems.number(md, "range_pixel_spacing_m");
        if (range != null && range > 0) {
            p.put("sar:pixel_spacing_range", range);
        }
        if (square != null && square > 0) {
            p.put("sar:pixel_spacing_azimuth", square);
        }
    }

    /** From the leader's radar wavelength (c / lambda, to 0.1 MHz) when there is one. */
    static double centreFrequencyGhz(JsonNode md) {
        Double wavelength = StacItems.number(md, "wavelength_m");
        if (wavelength == null || wavelength < 0.15 || wavelength > 0.30) {
            return JAXA_CENTRE_FREQUENCY_GHZ;
        }
        return Math.round(SPEED_OF_LIGHT / wavelength / 1e5) / 1e4;
    }
}
