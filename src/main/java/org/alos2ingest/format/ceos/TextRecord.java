package org.alos2ingest.format.ceos;

/** The text record closing the volume directory (360 bytes, alos2-formats.md 3.1.3). */
public final class TextRecord {

    public static final Field ASCII_FLAG = Field.text("ascii_ebcdic_flag", 13, 2);
    /** {@code PRODUCT:FBDR1.5GUA}. */
    public static final Field PRODUCT_ID = Field.text("product_id", 17, 40);
    /** {@code PROCESS:JAPAN-JAXA-ALOS2-EICS  20150320 080952}. */
    public static final Field CREATION = Field.text("location_and_datetime_of_product_creation", 57, 60);
    public static final Field TAPE_ID = Field.text("physical_tape_id", 117, 40);
    /** {@code ORBIT :ALOS2015976960-140909}. */
    public static final Field SCENE_ID = Field.text("scene_id", 157, 40);
    public static final Field SCENE_LOCATION = Field.text("scene_location_id", 197, 40);

    public static final RecordLayout LAYOUT = RecordLayout.of("text", RecordCode.TEXT, ASCII_FLAG, PRODUCT_ID, CREATION, TAPE_ID,
            SCENE_ID, SCENE_LOCATION);

    private TextRecord() {
    }
}
