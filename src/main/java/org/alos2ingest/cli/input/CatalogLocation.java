package org.alos2ingest.cli.input;

import org.alos2ingest.catalog.Catalogs;
import picocli.CommandLine;

/**
 * A {@code --catalog} of a kind {@link Catalogs} knows, refused while the command line is read
 * rather than once the command has started; a login in the location is never echoed.
 */
public final class CatalogLocation implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String text) {
        if (!Catalogs.known(text.strip())) {
            throw new CommandLine.TypeConversionException(text.strip().replaceAll("//[^/@]*@", "//***@")
                    + " is not a catalog; expected " + Catalogs.FORMS);
        }
        return text.strip();
    }
}
