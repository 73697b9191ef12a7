package org.alos2ingest.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a {@link Source} from what a user typed or from a job's parameters. A job names its source
 * by type and plain parameters, never credentials: the worker that runs it finds the login in its own
 * environment. Adding a source means one class and one line here.
 */
public final class Sources {

    public static final String PATH = "path";
    public static final String URL = "url";
    public static final String AUIG2 = "auig2";
    public static final String SENTINEL_ASIA = "sentinel-asia";
    /** Parameter naming the service a job talks to, so that a worker reaches the same one. */
    public static final String BASE_URL = "base_url";

    private Sources() {
    }

    /** An http(s) URL, or a local file or folder. */
    public static Source forArgument(String arg, FetchConfig config) {
        String lower = arg.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new UrlSource(arg, config);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("'" + Urls.redactText(arg) + "': only http and https URLs and local paths can be ingested");
        }
        return new LocalSource(Path.of(arg));
    }

    public static Source fromJob(String type, Map<String, String> params, FetchConfig config) {
        Map<String, String> p = new LinkedHashMap<>(params);
        URI base = p.containsKey(BASE_URL) ? Urls.parse(p.remove(BASE_URL)) : null;
        return switch (type) {
            case PATH -> new LocalSource(Path.of(require(p, "path", type)));
            case URL -> new UrlSource(require(p, "url", type), config);
            case AUIG2 -> new Auig2Source(require(p, "auig2_orderid", type), config.withServices(base, null));
            case SENTINEL_ASIA -> {
                FetchConfig c = config.withServices(null, base);
                if (p.containsKey("data_id")) {
                    yield SentinelAsiaSource.dataId(p.get("data_id"), p, c);
                }
                if (p.containsKey("eor_id")) {
                    yield SentinelAsiaSource.eor(p.get("eor_id"), c);
                }
                if (p.containsKey("start_date")) {
                    yield SentinelAsiaSource.since(LocalDate.parse(p.get("start_date"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                            LocalDate.now(java.time.ZoneOffset.UTC), c);
                }
                throw new IllegalArgumentException("a " + type + " job needs data_id, eor_id or start_date");
            }
            default -> throw new IllegalArgumentException("unknown source type '" + type + "' (path, url, auig2 or sentinel-asia)");
        };
    }

    private static String require(Map<String, String> p, String name, String type) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("a " + type + " job needs the parameter " + name);
        }
        return v;
    }
}
