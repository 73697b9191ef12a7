package org.alos2ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.util.Progress;

/**
 * Files of JAXA's Sentinel Asia portal: one data id, every file of an Emergency Observation Request
 * (EOR), or every file of the EORs observed in a date range. The listing keeps ALOS-2 data zips and
 * reports every other file with the reason it is skipped; each file's record carries its EOR's id,
 * date, disaster type and country, which end up in met.json.
 */
public final class SentinelAsiaSource implements Source {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.fetch");
    private static final int JSON_LIMIT = 32 << 20;

    /** Item attribute names (they are also the job parameters of a fanned-out file and the met.json fields). */
    public static final String DATA_ID = "data_id";
    public static final String FILE_TITLE = "filetitle";

    public static final String EOR_ID = "eor_id";
    public static final String START_DATE = "start_date";

    /**
     * Jobs of type {@code sentinel-asia} name one file ({@code data_id}, with what a fan-out knew of it),
     * or an EOR ({@code eor_id}) or a date ({@code start_date}, YYYYMMDD) whose files are fanned out.
     */
    public static final SourceType TYPE = new SourceType() {
        private static final String NAME = "sentinel-asia";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<String> jobParams() {
            return List.of(DATA_ID, EOR_ID, START_DATE);
        }

        @Override
        public Source fromJob(Map<String, String> params, FetchConfig config) {
            if (params.containsKey(DATA_ID)) {
                return dataId(params.get(DATA_ID), params, config);
            }
            if (params.containsKey(EOR_ID)) {
                return eor(params.get(EOR_ID), config);
            }
            if (params.containsKey(START_DATE)) {
                return since(startDate(params.get(START_DATE), START_DATE), LocalDate.now(ZoneOffset.UTC), config);
            }
            throw new IllegalArgumentException("a " + NAME + " job needs data_id, eor_id or start_date");
        }

        @Override
        public String subject(Map<String, String> params) {
            return params.getOrDefault(DATA_ID, params.getOrDefault(EOR_ID, params.getOrDefault(START_DATE, "")));
        }

        @Override
        public boolean fansOut(Map<String, String> params) {
            return !params.containsKey(DATA_ID);
        }

        @Override
        public Optional<SourceType.Service> service() {
            return Optional.of(new SourceType.Service(SentinelAsiaProtocol.SERVICE, Optional.of(SentinelAsiaProtocol.DEFAULT_BASE), "SENTINEL_ASIA_USER",
                    "SENTINEL_ASIA_PASSWORD", Optional.empty()));
        }

        @Override
        public List<CliOption> options() {
            return List.of(new CliOption("--sentinel-asia", "", Optional.empty(), "Take files from Sentinel Asia (with one of --data-id, --eor-id, --start-date)."),
                    new CliOption("--data-id", "ID", Optional.of(DATA_ID), "Sentinel Asia: one file, e.g. JPJXisis0001201908160001."),
                    new CliOption("--eor-id", "ID", Optional.of(EOR_ID), "Sentinel Asia: every ALOS-2 file of this EOR, e.g. ERAHAC000007, one job each."),
                    new CliOption("--start-date", "YYYYMMDD", Optional.of(START_DATE),
                            "Sentinel Asia: every ALOS-2 file of the EORs observed from this date to today, one job each."));
        }

        /** Exactly one of the three with --sentinel-asia, none without it, and a date that is not in the future. */
        @Override
        public Map<String, String> fromOptions(Map<String, String> given) {
            Map<String, String> params = SourceType.super.fromOptions(given);
            if (!given.containsKey("--sentinel-asia")) {
                throw new IllegalArgumentException("--data-id, --eor-id and --start-date go with --sentinel-asia");
            }
            if (params.size() != 1) {
                throw new IllegalArgumentException("--sentinel-asia needs exactly one of --data-id, --eor-id, --start-date");
            }
            if (params.containsKey(START_DATE)) {
                startDate(params.get(START_DATE), "--start-date");
            }
            return params;
        }

        /** The job-spec's {@code queue} is where a fan-out goes; it is the runner's to read, not the source's. */
        @Override
        public Optional<PgeJob> pgeJob() {
            return Optional.of(new PgeJob("ingest_alos2_sentinelasia", List.of(DATA_ID, EOR_ID, START_DATE, "queue"), context -> {
                Map<String, String> p = new LinkedHashMap<>();
                if (context.containsKey(DATA_ID)) {
                    // an eor_id beside it says which EOR the file belongs to (as a fanned-out job carries it)
                    p.put(DATA_ID, context.get(DATA_ID));
                    if (context.containsKey(EOR_ID)) {
                        p.put(EOR_ID, context.get(EOR_ID));
                    }
                    return p;
                }
                if (context.containsKey(EOR_ID) == context.containsKey(START_DATE)) {
                    throw new IllegalArgumentException(context.containsKey(EOR_ID) ? "has both eor_id and start_date: give one of them"
                            : "has none of data_id, eor_id, start_date: give one of them");
                }
                if (context.containsKey(EOR_ID)) {
                    p.put(EOR_ID, context.get(EOR_ID));
                } else {
                    p.put(START_DATE, startDate(context.get(START_DATE), START_DATE).format(DateTimeFormatter.BASIC_ISO_DATE));
                }
                return p;
            }));
        }
    };

    private enum Mode { DATA_ID, EOR, SINCE }

    private final Mode mode;
    private final String id;
    private final LocalDate start;
    private final LocalDate end;
    private final Map<String, String> known;
    private final FetchConfig config;
    private final URI base;
    private final boolean probe;
    private HttpSession session;
    private Credentials credentials;

    private SentinelAsiaSource(Mode mode, String id, LocalDate start, LocalDate end, Map<String, String> known, FetchConfig config) {
        this(mode, id, start, end, known, config, true);
    }

    private SentinelAsiaSource(Mode mode, String id, LocalDate start, LocalDate end, Map<String, String> known, FetchConfig config, boolean probe) {
        this.probe = probe;
        this.mode = mode;
        this.id = id;
        this.start = start;
        this.end = end;
        this.known = Map.copyOf(known);
        this.config = config;
        this.base = config.serviceUrl(TYPE);
    }

    /**
     * One file by its data id.
     *
     * @param known what a fan-out already knew about the file (its EOR's fields and title), kept in met.json
     */
    public static SentinelAsiaSource dataId(String dataId, Map<String, String> known, FetchConfig config) {
        return new SentinelAsiaSource(Mode.DATA_ID, SentinelAsiaProtocol.checkId(dataId, "data id"), null, null, known, config);
    }

    /** Every file of one EOR. */
    public static SentinelAsiaSource eor(String eorId, FetchConfig config) {
        return new SentinelAsiaSource(Mode.EOR, SentinelAsiaProtocol.checkId(eorId, "EOR id"), null, null, Map.of(), config);
    }

    /** Every file of every EOR observed from {@code start} to {@code end}, both included. */
    public static SentinelAsiaSource since(LocalDate start, LocalDate end, FetchConfig config) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("start date " + start + " is after " + end);
        }
        return new SentinelAsiaSource(Mode.SINCE, null, start, end, Map.of(), config);
    }

    /**
     * A start date as YYYYMMDD, not after today (UTC).
     *
     * @param what the option or parameter that gave it, for the message
     */
    public static LocalDate startDate(String text, String what) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be YYYYMMDD, not '" + text + "'");
        }
        if (d.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw new IllegalArgumentException(what + " " + text + " is in the future");
        }
        return d;
    }

    /**
     * The same listing without asking each ALOS-2 file for its name (a HEAD per file): for a poller
     * that already knows most data ids and hands each new one to a job, which asks then.
     */
    public SentinelAsiaSource unprobed() {
        return new SentinelAsiaSource(mode, id, start, end, known, config, false);
    }

    @Override
    public String describe() {
        return switch (mode) {
            case DATA_ID -> "Sentinel Asia data id " + id;
            case EOR -> "Sentinel Asia EOR " + id;
            case SINCE -> "Sentinel Asia EORs observed " + start + " to " + end;
        };
    }

    @Override
    public List<Item> list() {
        login();
        List<Item> items = new ArrayList<>();
        switch (mode) {
            case DATA_ID -> {
                Item item = fileItem(id, known);
                if (item.skipReason().isPresent()) {
                    throw new FetchException("Sentinel Asia data id " + id + ": " + item.skipReason().get());
                }
                items.add(item);
            }
            case EOR -> {
                URI u = SentinelAsiaProtocol.bulletin(base, id);
                SentinelAsiaProtocol.Eor eor = SentinelAsiaProtocol.parseEor(json(u), u);
                items.addAll(filesOf(eor));
            }
            case SINCE -> {
                URI u = SentinelAsiaProtocol.eorList(base);
                for (SentinelAsiaProtocol.Eor eor : SentinelAsiaProtocol.parseEorList(json(u), u)) {
                    if (!eor.observed().isBefore(start) && !eor.observed().isAfter(end)) {
                        items.addAll(filesOf(eor));
                    }
                }
            }
        }
        return items;
    }

    private List<Item> filesOf(SentinelAsiaProtocol.Eor eor) {
        URI u = SentinelAsiaProtocol.files(base, eor.requestId());
        List<Item> items = new ArrayList<>();
        for (SentinelAsiaProtocol.EorFile f : SentinelAsiaProtocol.parseFiles(json(u), u)) {
            Map<String, String> attrs = new LinkedHashMap<>(eor.attributes());
            attrs.put(DATA_ID, f.dataId());
            attrs.put(FILE_TITLE, f.title());
            if (!f.isAlos2Data()) {
                // maps, images and reports are not even asked for their name
                items.add(new Item(Optional.empty(), Urls.display(SentinelAsiaProtocol.download(base, f.dataId())), -1, attrs,
                        SentinelAsiaProtocol.notIngestible(f, Optional.empty())));
                continue;
            }
            items.add(probe ? fileItem(f.dataId(), attrs)
                    : new Item(Optional.empty(), Urls.display(SentinelAsiaProtocol.download(base, f.dataId())), -1, attrs, Optional.empty()));
        }
        LOG.fine("Sentinel Asia EOR " + eor.requestId() + ": " + items.size() + " file(s)");
        return items;
    }

    /** Asks for the file's name and size (HEAD) without downloading it. */
    private Item fileItem(String dataId, Map<String, String> attrs) {
        URI u = SentinelAsiaProtocol.download(base, dataId);
        try (HttpSession.Response r = session.send(HttpSession.Request.head(u))) {
            if (r.status() == 401 || r.status() == 403) {
                throw loginFailed("HTTP " + r.status() + " for " + Urls.display(u));
            }
            if (r.status() == 404) {
                throw new FetchException("Sentinel Asia data id " + dataId + ": no such file (HTTP 404 from " + Urls.display(u) + ")");
            }
            if (r.status() != 200) {
                throw new FetchException("Sentinel Asia data id " + dataId + ": HTTP " + r.status() + " from " + Urls.display(u));
            }
            Optional<String> name = ContentDisposition.fileName(r.header("Content-Disposition").orElse(null));
            if (name.isEmpty() && r.contentType().contains("html")) {
                throw loginFailed("the portal answered " + Urls.display(u) + " with a page instead of a file");
            }
            Map<String, String> a = new LinkedHashMap<>(attrs);
            a.put(DATA_ID, dataId);
            name.ifPresent(n -> a.put("filename", n));
            Optional<String> skip = SentinelAsiaProtocol.notIngestible(
                    new SentinelAsiaProtocol.EorFile(dataId, SentinelAsiaProtocol.ALOS2_DATA_TYPE, ""), name);
            return new Item(name, Urls.display(u), r.contentLength(), a, skip);
        }
    }

    @Override
    public Delivery fetch(Item item, Path workDir, Progress progress) {
        login();
        String dataId = item.attributes().getOrDefault(DATA_ID, id);
        URI u = SentinelAsiaProtocol.download(base, dataId);
        HttpDownloader.Download d;
        try {
            d = new HttpDownloader(session, progress).download(u, workDir, true);
        } catch (UnexpectedPageException e) {
            if (SentinelAsiaProtocol.isLoginPage(e.page())) {
                throw loginFailed("the portal answered the download with its login page");
            }
            throw new FetchException("Sentinel Asia data id " + dataId + ": the portal sent "
                    + (e.isHtml() ? "an HTML page" : "'" + e.contentType() + "'") + (e.title().isEmpty() ? "" : " '" + e.title() + "'")
                    + " instead of a zip");
        }
        Map<String, Object> met = new LinkedHashMap<>();
        for (String k : List.of("eor_id", "eor_date", "eor_type", "eor_country", DATA_ID, FILE_TITLE)) {
            String v = item.attributes().get(k);
            if (v != null) {
                met.put(k, v);
            }
        }
        met.putIfAbsent(DATA_ID, dataId);
        return new Delivery(d.file(), Urls.display(u), true, met, List.of(d.transfer()));
    }

    private JsonNode json(URI u) {
        try (HttpSession.Response r = session.send(HttpSession.Request.get(u))) {
            if (r.status() == 401 || r.status() == 403) {
                throw loginFailed("HTTP " + r.status() + " for " + Urls.display(u));
            }
            if (r.status() != 200) {
                throw new FetchException(Urls.display(u) + ": HTTP " + r.status());
            }
            if (r.longerThan(JSON_LIMIT)) {
                throw new FetchException(Urls.display(u) + ": answer of " + r.contentLength() + " bytes is too large for a listing");
            }
            String body = r.text(JSON_LIMIT);
            String start = body.stripLeading();
            if (r.contentType().contains("html") || start.startsWith("<")) {
                if (SentinelAsiaProtocol.isLoginPage(body)) {
                    throw loginFailed("the portal answered " + Urls.display(u) + " with its login page");
                }
                throw new FetchException(Urls.display(u) + ": expected JSON, got an HTML page '" + UnexpectedPageException.title(body) + "'");
            }
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new FetchException(Urls.display(u) + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Opens the portal's session (JSESSIONID), then logs it in. */
    private synchronized void login() {
        if (session != null) {
            return;
        }
        credentials = config.credentials().requireForService(config.login(TYPE), base.getHost());
        HttpSession s = new HttpSession(config, SentinelAsiaProtocol.USER_AGENT, false);
        URI top = SentinelAsiaProtocol.topPage(base);
        try (HttpSession.Response r = s.send(HttpSession.Request.get(top))) {
            if (r.status() != 200) {
                throw new FetchException("Sentinel Asia: HTTP " + r.status() + " from " + Urls.display(top));
            }
            r.text(1 << 20);
        } catch (IOException e) {
            throw new FetchException("Sentinel Asia: " + Urls.display(top) + ": " + HttpFailures.describe(e), e);
        }
        if (!s.cookieNames(top).contains(SentinelAsiaProtocol.SESSION_COOKIE)) {
            LOG.warning("Sentinel Asia: " + Urls.display(top) + " set no " + SentinelAsiaProtocol.SESSION_COOKIE + " cookie");
        }
        try (HttpSession.Response r = s.send(HttpSession.Request.postForm(top, SentinelAsiaProtocol.loginForm(credentials)))) {
            if (r.status() == 401 || r.status() == 403) {
                throw loginFailed("HTTP " + r.status());
            }
            if (r.status() >= 400) {
                throw new FetchException("Sentinel Asia login at " + Urls.display(top) + ": HTTP " + r.status());
            }
            if (SentinelAsiaProtocol.isLoginPage(r.text(1 << 20))) {
                throw loginFailed("the portal answered with its login form again");
            }
        } catch (IOException e) {
            throw new FetchException("Sentinel Asia login at " + Urls.display(top) + ": " + HttpFailures.describe(e), e);
        }
        session = s;
    }

    private FetchException loginFailed(String why) {
        return new FetchException("login failed for Sentinel Asia user " + (credentials == null ? "?" : credentials.user()) + " at "
                + Urls.display(base) + " (" + why + ")");
    }
}
