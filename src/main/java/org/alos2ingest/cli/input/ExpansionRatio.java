package org.alos2ingest.cli.input;

import picocli.CommandLine;

/** How many uncompressed bytes a compressed byte may become: below 1 every zip would be refused as a bomb. */
public final class ExpansionRatio implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
        double v = Decimal.of(text);
        if (Double.isNaN(v)) {
            throw new CommandLine.TypeConversionException(text + " is not a number; expected a ratio of 1 or more, such as 100");
        }
        if (v < 1) {
            throw new CommandLine.TypeConversionException(text.strip() + " is out of range; expected a ratio of 1 or more, such as 100");
        }
        return v;
    }
}
