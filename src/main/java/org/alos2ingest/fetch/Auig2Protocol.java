package org.alos2ingest.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How JAXA's AUIG2 ordering portal is spoken to; every path, field and quirk of it lives here, so
 * that a change of the service is a change of this class (portals.md, and the original
 * {@code auig2_download.py} of earthobservatory/alos2-ingest).
 *
 * <ul>
 *   <li>Login: POST the form {@code IDToken1=<user>&IDToken2=<password>} to {@code /openam/UI/Login}
 *       (OpenAM), keeping cookies. The first POST only sets OpenAM's cookies, so it is posted twice.</li>
 *   <li>Download: GET {@code /pp/service/download?downloadurl=/start/download/file&itemname=<order>&itemtype=1};
 *       the zip's name is in {@code Content-Disposition: ...filename=<name>.zip}, unquoted.</li>
 *   <li>A failed login or an unknown order comes back as an HTML page instead of a zip: a page that
 *       still holds the login form means the session was not accepted; any other page is about the order.</li>
 *   <li>The account's orders (for {@code watch}): GET {@code /pp/service/orderlist?itemtype=1} → a JSON array of
 *       {@code orderId}, {@code orderDate}, {@code status}; an order can be downloaded once its status is
 *       {@code Providing preparation completion}, the AUIG2 manual's name for it. portals.md documents no order
 *       list (the original clients were given an order id): this endpoint is an assumption, kept here alone so
 *       that the real one is a change of this class.</li>
 * </ul>
 */
final class Auig2Protocol {

    static final String SERVICE = "AUIG2";
    static final URI DEFAULT_BASE = URI.create("https://auig2.jaxa.jp");
    static final String LOGIN_PATH = "/openam/UI/Login";
    static final String USER_FIELD = "IDToken1";
    static final String PASSWORD_FIELD = "IDToken2";
    /** The first POST sets the cookies OpenAM needs to accept the second. */
    static final int LOGIN_POSTS = 2;
    static final String DOWNLOAD_PATH = "/pp/service/download";
    static final String ORDER_LIST_PATH = "/pp/service/orderlist?itemtype=1";
    /** Statuses of an order whose products can be downloaded (lower-cased). */
    static final java.util.Set<String> READY = java.util.Set.of("providing preparation completion");
    /** The user agent the original client sent; the portal was known to work with it. */
    static final String USER_AGENT = "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.2; .NET CLR 1.1.4322)";

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Auig2Protocol() {
    }

    static URI loginUri(URI base) {
        return URI.create(root(base) + LOGIN_PATH);
    }

    static URI downloadUri(URI base, String orderId) {
        return URI.create(root(base) + DOWNLOAD_PATH + "?downloadurl=/start/download/file&itemname="
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "&itemtype=1");
    }

    static URI orderListUri(URI base) {
        return URI.create(root(base) + ORDER_LIST_PATH);
    }

    static Map<String, String> loginForm(Credentials c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(USER_FIELD, c.user());
        form.put(PASSWORD_FIELD, c.password());
        return form;
    }

    /** An order id as AUIG2 issues them (digits, e.g. {@code 0000022708}); anything else is refused before a request. */
    static String checkOrderId(String orderId) {
        if (orderId == null || !ORDER_ID.matcher(orderId.strip()).matches()) {
            throw new IllegalArgumentException((orderId == null ? "nothing" : FetchException.quote(orderId)) + " is not an AUIG2 order id");
        }
        return orderId.strip();
    }

    /** A page that still offers the login form: the session was not accepted. */
    static boolean isLoginPage(String page) {
        String p = page.toLowerCase(Locale.ROOT);
        return p.contains("name=\"" + PASSWORD_FIELD.toLowerCase(Locale.ROOT) + "\"") || p.contains("name='" + PASSWORD_FIELD.toLowerCase(Locale.ROOT) + "'")
                || p.contains("/openam/ui/login");
    }

    private static String root(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
