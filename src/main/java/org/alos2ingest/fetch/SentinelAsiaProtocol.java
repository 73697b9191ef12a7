package org.alos2ingest.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How JAXA's Sentinel Asia portal is spoken to; every path, form field and JSON shape lives here
 * (portals.md, and the original {@code sentinelasia_download.py} of earthobservatory/alos2-ingest).
 *
 * <ul>
 *   <li>Session: GET {@code /topControl.jsp} (sets {@code JSESSIONID}), then POST the same page with
 *       {@code userid}, {@code passwd}, {@code request=login}, {@code submit=login}, {@code loginId=} (empty).</li>
 *   <li>EOR list: {@code /webresources/emobRequestSelect/viewList?...} → JSON array of EORs
 *       ({@code requestId}, {@code observeDateStr} as {@code dd/Mon/yyyy}, {@code disasterTypeStr}, {@code countryStr}).</li>
 *   <li>One EOR: {@code /webresources/thumbnailEmob/viewBulletinContent?requestId=} → one such object.</li>
 *   <li>Its files: {@code /webresources/thumbnailEmob/emergencyViewThumbnail?requestId=...} → JSON array of
 *       {@code dataId}, {@code typeStr} (ALOS-2 data contains {@code ALOS(Data)}), {@code title}.</li>
 *   <li>One file: {@code /webresources/thumbnailEmob/download?dataId=}; HEAD gives its name
 *       ({@code Content-Disposition}, possibly quoted) and size; GET streams it.</li>
 * </ul>
 * A portal whose session is not logged in answers the JSON endpoints with its HTML login page.
 */
final class SentinelAsiaProtocol {

    static final String SERVICE = "Sentinel Asia";
    static final URI DEFAULT_BASE = URI.create("https://sentinel.tksc.jaxa.jp/sentinel2");
    static final String TOP_PAGE = "/topControl.jsp";
    static final String SESSION_COOKIE = "JSESSIONID";
    static final String EOR_LIST = "/webresources/emobRequestSelect/viewList?subset_name=Emergency+Observation&submit.countryIdx=&submit.disasterTypeIdx=";
    static final String BULLETIN = "/webresources/thumbnailEmob/viewBulletinContent?requestId=";
    static final String FILES = "/webresources/thumbnailEmob/emergencyViewThumbnail?requestId=%s&subsetName=Emergency+Observation&selectDate=";
    static final String DOWNLOAD = "/webresources/thumbnailEmob/download?dataId=";
    /** Entries of this type are ALOS-2 products; others are maps, images and reports. */
    static final String ALOS2_DATA_TYPE = "ALOS(Data)";
    /** The browser the original client claimed to be; the portal was known to answer it. */
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.14; rv:60.0) Gecko/20100101 Firefox/60.0";
    static final DateTimeFormatter OBSERVE_DATE = DateTimeFormatter.ofPattern("dd/MMM/yyyy", Locale.ENGLISH);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private SentinelAsiaProtocol() {
    }

    /** One Emergency Observation Request. */
    record Eor(String requestId, LocalDate observed, String disasterType, String country) {

        /** The fields the original added to each file's record, kept in met.json. */
        Map<String, String> attributes() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("eor_id", requestId);
            m.put("eor_date", observed.format(DateTimeFormatter.BASIC_ISO_DATE));
            m.put("eor_type", disasterType);
            m.put("eor_country", country);
            return m;
        }
    }

    /** One file of an EOR. */
    record EorFile(String dataId, String type, String title) {

        boolean isAlos2Data() {
            return type.contains(ALOS2_DATA_TYPE);
        }
    }

    static URI topPage(URI base) {
        return URI.create(root(base) + TOP_PAGE);
    }

    static Map<String, String> loginForm(Credentials c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userid", c.user());
        form.put("passwd", c.password());
        form.put("request", "login");
        form.put("submit", "login");
        form.put("loginId", "");
        return form;
    }

    static URI eorList(URI base) {
        return URI.create(root(base) + EOR_LIST);
    }

    static URI bulletin(URI base, String eorId) {
        return URI.create(root(base) + BULLETIN + enc(checkId(eorId, "EOR id")));
    }

    static URI files(URI base, String eorId) {
        return URI.create(root(base) + String.format(FILES, enc(checkId(eorId, "EOR id"))));
    }

    static URI download(URI base, String dataId) {
        return URI.create(root(base) + DOWNLOAD + enc(checkId(dataId, "data id")));
    }

    static Eor parseEor(JsonNode n, URI from) {
        String id = id(n, "requestId", "EOR id", from);
        String date = text(n, "observeDateStr", from);
        LocalDate observed;
        try {
            observed = LocalDate.parse(date.strip(), OBSERVE_DATE);
        } catch (DateTimeParseException e) {
            throw new FetchException(Urls.display(from) + ": EOR " + id + " has observeDateStr " + FetchException.quote(date) + ", expected dd/Mon/yyyy");
        }
        return new Eor(id, observed, n.path("disasterTypeStr").asText(""), n.path("countryStr").asText(""));
    }

    static List<Eor> parseEorList(JsonNode n, URI from) {
        List<Eor> out = new ArrayList<>();
        for (JsonNode e : array(n, from, "EORs")) {
            out.add(parseEor(e, from));
        }
        return out;
    }

    static List<EorFile> parseFiles(JsonNode n, URI from) {
        List<EorFile> out = new ArrayList<>();
        for (JsonNode e : array(n, from, "files")) {
            out.add(new EorFile(id(e, "dataId", "data id", from), e.path("typeStr").asText(""), e.path("title").asText("")));
        }
        return out;
    }

    /** Why a listed file is not ingested, or empty when it is an ALOS-2 data zip. */
    static Optional<String> notIngestible(EorFile f, Optional<String> fileName) {
        if (!f.isAlos2Data()) {
            return Optional.of("type '" + f.type() + "' is not ALOS-2 data");
        }
        if (fileName.isPresent() && !fileName.get().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return Optional.of("'" + fileName.get() + "' is not a zip (only zipped ALOS-2 products are ingested)");
        }
        return Optional.empty();
    }

    /** The portal's login page (the password field), which it sends instead of JSON to a session not logged in. */
    static boolean isLoginPage(String page) {
        String p = page.toLowerCase(Locale.ROOT);
        return p.contains("name=\"passwd\"") || p.contains("name='passwd'") || p.contains("name=passwd");
    }

    static String checkId(String id, String what) {
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw new IllegalArgumentException((id == null ? "nothing" : FetchException.quote(id)) + " is not a Sentinel Asia " + what);
        }
        return id.strip();
    }

    private static Iterable<JsonNode> array(JsonNode n, URI from, String what) {
        if (!n.isArray()) {
            throw new FetchException(Urls.display(from) + ": expected a JSON array of " + what + ", got " + n.getNodeType());
        }
        return n;
    }

    private static String text(JsonNode n, String field, URI from) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new FetchException(Urls.display(from) + ": an entry has no '" + field + "'");
        }
        return v.asText().strip();
    }

    /** An id the portal lists, checked as one a user gives: it goes into the next request's URL. */
    private static String id(JsonNode n, String field, String what, URI from) {
        try {
            return checkId(text(n, field, from), what);
        } catch (IllegalArgumentException e) {
            throw new FetchException(Urls.display(from) + ": an entry's '" + field + "' " + e.getMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String root(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
