package org.alos2ingest.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The source types, one line each. A job names its source by type and plain parameters, never
 * credentials: the worker that runs it finds the login in its own environment.
 */
public final class SourceTypes {

    /** Parameter naming the service a job talks to, so that a worker reaches the same one. */
    public static final String BASE_URL = "base_url";

    private static final List<SourceType> TYPES = new CopyOnWriteArrayList<>(List.of(
            Auig2Source.TYPE,
            SentinelAsiaSource.TYPE,
            UrlSource.TYPE,
            LocalSource.TYPE));

    private SourceTypes() {
    }

    /** Every type, in registration order. */
    public static List<SourceType> all() {
        return List.copyOf(TYPES);
    }

    public static Optional<SourceType> find(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static SourceType named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown source type '" + name + "' ("
                + String.join(", ", TYPES.stream().map(SourceType::name).toList()) + ")"));
    }

    /**
     * Adds a type, e.g. a test's own; closing the registration removes it again.
     *
     * @throws IllegalArgumentException when a type of that name is registered already
     */
    public static Registration register(SourceType type) {
        synchronized (TYPES) {
            if (find(type.name()).isPresent()) {
                throw new IllegalArgumentException("a source type '" + type.name() + "' is registered already");
            }
            TYPES.add(type);
        }
        return () -> TYPES.remove(type);
    }

    /** Undoes a {@link #register}. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The job of a command-line target: the first type that takes it.
     *
     * @throws IllegalArgumentException when no type does (e.g. an ftp:// URL)
     */
    public static Job forArgument(String argument) {
        for (SourceType t : TYPES) {
            Optional<Map<String, String>> p = t.fromArgument(argument);
            if (p.isPresent()) {
                return new Job(t, p.get());
            }
        }
        throw new IllegalArgumentException("'" + Urls.redactText(argument) + "': only http and https URLs and local paths can be ingested");
    }

    /** The source a job names, with the job's service URL and user applied to the settings. */
    public static Source fromJob(String type, Map<String, String> params, FetchConfig config) {
        return new Job(named(type), params).source(config);
    }

    /** A job's source type and parameters, before it is queued or run. */
    public record Job(SourceType type, Map<String, String> params) {

        public Job {
            params = Map.copyOf(params);
        }

        /** What the job fetches, for its name. */
        public String subject() {
            return type.subject(params);
        }

        public boolean fansOut() {
            return type.fansOut(params);
        }

        /**
         * The parameters a queued job carries: these, with the service's URL and the user set here,
         * so that a worker reaches the same service as the same user.
         */
        public Map<String, String> queued(FetchConfig config) {
            Map<String, String> p = new LinkedHashMap<>(params);
            serviceParams(type, config).forEach(p::putIfAbsent);
            return p;
        }

        /**
         * The source; a {@link #BASE_URL} parameter and the service's user parameter are applied to
         * the settings first.
         *
         * @throws IllegalArgumentException for parameters the type cannot take
         */
        public Source source(FetchConfig config) {
            Map<String, String> p = new LinkedHashMap<>(params);
            String base = p.remove(BASE_URL);
            Optional<String> userParam = type.service().flatMap(SourceType.Service::userJobParam);
            String user = userParam.map(p::remove).filter(u -> !u.isBlank()).orElse(null);
            FetchConfig c = config;
            if (base != null || user != null) {
                URI u = base == null ? null : Urls.parse(base);
                c = config.toBuilder().service(type.name(), s -> {
                    ServiceSettings x = u == null ? s : s.withUrl(u);
                    return user == null ? x : x.withUser(user.strip());
                }).build();
            }
            return type.fromJob(p, c);
        }
    }

    /**
     * A parameter a job of {@code type} must have.
     *
     * @throws IllegalArgumentException naming the parameter when it is missing or blank
     */
    public static String require(Map<String, String> params, String name, String type) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("a " + type + " job needs the parameter " + name);
        }
        return v;
    }

    /** The common parameters of this type's jobs: its service's URL (when it has one) and the user set for it. */
    public static Map<String, String> serviceParams(SourceType type, FetchConfig config) {
        Map<String, String> p = new LinkedHashMap<>();
        type.service().ifPresent(s -> {
            if (s.defaultUrl().isPresent() || config.settings(type.name()).url().isPresent()) {
                p.put(BASE_URL, config.serviceUrl(type).toString());
            }
            s.userJobParam().ifPresent(param -> config.settings(type.name()).user().ifPresent(u -> p.put(param, u)));
        });
        return p;
    }
}
