package org.alos2ingest.cli.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine;

/**
 * URLs of services a command talks to or links to. The value stays the text given; a URL holding a
 * login is refused without echoing the login (a command line is visible to every user of the machine).
 */
public final class WebAddress {

    private WebAddress() {
    }

    /** A URL whose scheme is one of {@code schemes}, with a host unless it is a file URL. */
    public abstract static class Url implements CommandLine.ITypeConverter<String> {
        private final List<String> schemes;
        private final String what;
        private final String example;

        Url(List<String> schemes, String what, String example) {
            this.schemes = schemes;
            this.what = what;
            this.example = example;
        }

        @Override
        public String convert(String text) {
            URI u;
            try {
                u = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw refused(text);
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme) || (!scheme.equals("file") && (u.getHost() == null || u.getHost().isBlank()))) {
                throw refused(text);
            }
            if (u.getRawUserInfo() != null) {
                throw new CommandLine.TypeConversionException(shown(text) + " holds a login; expected a URL without one (logins come from "
                        + "the environment, password files or .netrc)");
            }
            return text.strip();
        }

        private CommandLine.TypeConversionException refused(String text) {
            return new CommandLine.TypeConversionException(shown(text) + " is not " + what + "; expected e.g. " + example);
        }
    }

    /** The text with any login replaced, for messages. */
    static String shown(String text) {
        return text.replaceAll("//[^/@]*@", "//***@");
    }

    /** An http(s) URL. */
    public static final class Http extends Url {
        public Http() {
            super(List.of("http", "https"), "an http(s) URL", "https://example.org/path");
        }
    }

    /** Where published files are served from: the web, S3 or the file system. */
    public static final class AssetBase extends Url {
        public AssetBase() {
            super(List.of("http", "https", "s3", "file"), "an http(s), s3 or file URL", "https://data.example.org/alos2");
        }
    }

    /** A browser origin allowed by CORS: scheme and host (and port), no path; or {@code *}. */
    public static final class Origin implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String t = text.strip();
            if (!t.equals("*") && !t.matches("(?i)https?://[^/\\s@]+")) {
                throw new CommandLine.TypeConversionException(shown(t) + " is not an origin; expected scheme and host without a path, "
                        + "such as https://radiantearth.github.io, or *");
            }
            return t;
        }
    }
}
