package org.alos2ingest.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes a wrong CRC into a zip's local header and central directory, the data untouched. */
public final class ZipCrc {

    private ZipCrc() {
    }

    public static void set(Path zip, String name, long crc) throws IOException {
        byte[] z = Files.readAllBytes(zip);
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + n.length <= z.length; i++) {
            if (!Arrays.equals(z, i, i + n.length, n, 0, n.length)) {
                continue;
            }
            if (i >= 30 && sig(z, i - 30, 0x04034b50)) {
                if (ByteBuffer.wrap(z, i - 30 + 14, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() != 0) {
                    ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(i - 30 + 14, (int) crc);
                }
                patched++;
            } else if (i >= 46 && sig(z, i - 46, 0x02014b50)) {
                ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(i - 46 + 16, (int) crc);
                patched++;
            }
        }
        if (patched < 2) {
            throw new IllegalStateException(name + " found " + patched + " times in " + zip);
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(z);
        }
    }

    private static boolean sig(byte[] z, int at, int sig) {
        return ByteBuffer.wrap(z, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == sig;
    }
}
