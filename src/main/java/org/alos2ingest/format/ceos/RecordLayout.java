package org.alos2ingest.format.ceos;

import java.util.List;

/**
 * A record type's declarative field table: its name in the JAXA format description, its type code
 * and its fields.
 *
 * @param readLimit how many bytes of such a record are worth reading (the rest is opaque, e.g. the
 *                  hundreds of kilobytes of facility records 1-4); {@link Integer#MAX_VALUE} for all
 */
public record RecordLayout(String name, RecordCode code, List<Field> fields, int readLimit) {

    public RecordLayout {
        fields = List.copyOf(fields);
    }

    public static RecordLayout of(String name, RecordCode code, Field... fields) {
        return new RecordLayout(name, code, List.of(fields), Integer.MAX_VALUE);
    }

    public RecordLayout withReadLimit(int bytes) {
        return new RecordLayout(name, code, fields, bytes);
    }

    /** The smallest record length that holds every single (non-array) field. */
    public int minLength() {
        int m = Preamble.SIZE;
        for (Field f : fields) {
            if (!f.isRepeated() || f.repeat().countField() == null) {
                m = Math.max(m, f.extent());
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
