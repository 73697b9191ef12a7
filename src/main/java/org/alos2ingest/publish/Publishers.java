package org.alos2ingest.publish;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alos2ingest.config.Settings;
import org.alos2ingest.util.Progress;

/** The publishers known to this run, chosen by the location's scheme (a plain absolute path is {@code file}). */
public final class Publishers {

    /** The standard kinds, by the scheme of the locations they serve: one line each. */
    private static final Map<String, BiFunction<Settings, Progress, Publisher>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("file", (settings, progress) -> new LocalPublisher());
        KINDS.put("s3", (settings, progress) -> new S3Publisher(S3Publisher.Config.from(settings, System.getenv(), progress)));
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final Map<String, Publisher> byScheme;
    private final Publisher everywhere;

    private Publishers(Map<String, Publisher> byScheme, Publisher everywhere) {
        this.byScheme = Map.copyOf(byScheme);
        this.everywhere = everywhere;
    }

    /** These publishers, each for the locations of its scheme. */
    public static Publishers of(Map<String, Publisher> byScheme) {
        return new Publishers(byScheme, null);
    }

    /** One publisher for every location (e.g. a HySDS job's own folder, which HySDS publishes from). */
    public static Publishers everywhere(Publisher publisher) {
        return new Publishers(Map.of(), publisher);
    }

    public static Publishers local() {
        return of(Map.of("file", new LocalPublisher()));
    }

    /**
     * Local folders and S3 ({@code s3://}), S3 configured from the settings and the standard AWS
     * environment ({@link S3Publisher.Config#from}); nothing is asked of AWS until an s3:// location is used.
     */
    public static Publishers standard(Settings settings, Progress progress) {
        Map<String, Publisher> m = new LinkedHashMap<>();
        KINDS.forEach((scheme, make) -> m.put(scheme, make.apply(settings, progress)));
        return of(m);
    }

    public Publisher forLocation(String location) {
        if (everywhere != null) {
            return everywhere;
        }
        Publisher p = byScheme.get(scheme(location));
        if (p == null || !p.handles(location)) {
            throw new PublishException(null, "no publisher for location '" + location + "' (supported: "
                    + String.join(", ", byScheme.keySet().stream().sorted().map(s -> s + "://").toList()) + " and local paths)");
        }
        return p;
    }

    /** A location's scheme, lower case; {@code file} for an absolute path, empty for anything else. */
    static String scheme(String location) {
        if (location.startsWith("/")) {
            return "file";
        }
        Matcher m = SCHEME.matcher(location);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
