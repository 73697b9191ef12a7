package org.alos2ingest.cli.input;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;

/** Options that take one of a few words; the value is the word as listed, whatever its case as typed. */
public final class Choices {

    private Choices() {
    }

    /** One of {@code words}, or an alias of one. */
    public abstract static class OneOf implements CommandLine.ITypeConverter<String> {
        private final String what;
        private final List<String> words;
        private final Map<String, String> aliases;

        OneOf(String what, List<String> words, Map<String, String> aliases) {
            this.what = what;
            this.words = words;
            this.aliases = aliases;
        }

        @Override
        public String convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (w.toLowerCase(Locale.ROOT).equals(t)) {
                    return w;
                }
            }
            if (aliases.containsKey(t)) {
                return aliases.get(t);
            }
            throw new CommandLine.TypeConversionException(text + " is not " + what + "; one of " + String.join(", ", words));
        }
    }

    /** What {@code search} prints. */
    public static final class SearchFormat extends OneOf {
        public SearchFormat() {
            super("an output format", List.of("table", "json", "ids"), Map.of("geojson", "json"));
        }
    }

    /** What {@code subscribe list} prints. */
    public static final class ListFormat extends OneOf {
        public ListFormat() {
            super("an output format", List.of("table", "json"), Map.of());
        }
    }

    /** Where {@code stac-export}'s asset links point. */
    public static final class AssetLinks extends OneOf {
        public AssetLinks() {
            super("a kind of asset link", List.of("published", "s3"), Map.of());
        }
    }

    /** The real products {@code sample} can imitate (SampleSpec and CeosSampleSpec presets). */
    public static final class SamplePreset extends OneOf {
        public SamplePreset() {
            super("a sample preset", List.of("fbd", "ubs", "ubs-l11", "wbd-l11"), Map.of("fbd-l15", "fbd", "ubs-l15", "ubs"));
        }
    }

    /** Map projection of a generated GeoTIFF: UTM or polar stereographic. */
    public static final class Projection extends OneOf {
        public Projection() {
            super("a projection", List.of("U", "P"), Map.of("utm", "U", "ps", "P"));
        }
    }
}
