package org.alos2ingest.cli.input;

import org.alos2ingest.geo.BoundingBox;
import picocli.CommandLine;

/** {@code --bbox W,S,E,N}: read by {@link BoundingBox}, the reader the subscriptions use too. */
public final class BoxOption implements CommandLine.ITypeConverter<BoundingBox> {
    @Override
    public BoundingBox convert(String text) {
        try {
            return BoundingBox.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
