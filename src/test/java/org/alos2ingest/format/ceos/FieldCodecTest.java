package org.alos2ingest.format.ceos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldCodecTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void blankAndNanNumbersAreAbsent() {
        Field f = Field.real("x", 1, 16, "F16.7");
        assertEquals(Optional.empty(), FieldCodec.real(ascii("                "), f, 0));
        assertEquals(Optional.empty(), FieldCodec.real(ascii("             NAN"), f, 0));
        assertEquals(Optional.of(-11.0510316), FieldCodec.real(ascii("     -11.0510316"), f, 0));
        assertEquals(Optional.of(8.0733624E+11), FieldCodec.real(ascii("   8.0733624E+11"), f, 0));
        Field i = Field.integer("n", 1, 8);
        assertEquals(Optional.empty(), FieldCodec.integer(ascii("        "), i, 0));
        assertEquals(Optional.of(1597L), FieldCodec.integer(ascii("    1597"), i, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldCodec.integer(ascii("   15x97"), i, 0));
        assertTrue(e.getMessage().contains("not an integer"));
    }

    @Test
    void binaryB4IsSignedAndB2Unsigned() {
        ByteBuffer b = ByteBuffer.allocate(8).putInt(0, -11_051_032).putShort(4, (short) 0xfffe);
        assertEquals(-11.051032, FieldCodec.scaled(b, Field.scaled("lat", 1, 4, 1e-6), 0), 1e-9);
        assertEquals(65534, FieldCodec.binary(b, Field.binary("u", 5, 2), 0));
    }

    @Test
    void writesFortranFieldsAsJaxaDoes() {
        byte[] r = new byte[64];
        FieldCodec.blank(r, 0);
        FieldCodec.write(r, Field.real("e22", 1, 22, "E22.15"), 0, 15600.0);
        FieldCodec.write(r, Field.real("f16", 23, 16, "F16.7"), 0, 2122318.448518);
        FieldCodec.write(r, Field.integer("i4", 39, 4), 0, 28);
        FieldCodec.write(r, Field.text("a8", 43, 8), 0, "ECR");
        assertEquals(" 1.560000000000000E+04 2122318.4485180  28ECR     ", new String(r, 0, 50, StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldCodec.write(r, Field.real("f8", 1, 8, "F8.3"), 0, 123456.0));
        assertTrue(e.getMessage().contains("does not fit"));
    }

    @Test
    void aFieldOutsideTheBytesReadIsAnErrorNamingTheOffset() {
        CeosRecord rec = CeosRecord.of(Path.of("LED-x"), 1000, RecordLayout.of("test", new RecordCode(1, 2, 3, 4)), header(32));
        CeosFormatException e = assertThrows(CeosFormatException.class, () -> rec.text(Field.text("far", 40, 8)));
        assertEquals(1039, e.offset());
        assertTrue(e.getMessage().startsWith("LED-x: at byte 1039: test field far"), e.getMessage());
    }

    private static byte[] header(int length) {
        return RecordWriter.ascii(new RecordCode(1, 2, 3, 4), 1, length).bytes();
    }
}
