package org.alos2ingest.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server answered a download with a page (HTML, or anything that is not a zip) instead of the
 * data: the typical answer of a portal whose login failed or that does not know the order. It keeps
 * the start of the page so that the source can tell which it was.
 */
public final class UnexpectedPageException extends FetchException {

    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    private final transient URI uri;
    private final int status;
    private final String contentType;
    private final String page;

    public UnexpectedPageException(URI uri, int status, String contentType, String page) {
        super(Urls.display(uri) + ": expected a zip but got " + (isHtml(contentType, page) ? "an HTML page" : "'" + contentType + "' content")
                + " (HTTP " + status + titleClause(page) + ")");
        this.uri = uri;
        this.status = status;
        this.contentType = contentType;
        this.page = page;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The first bytes of the body, as text. */
    public String page() {
        return page;
    }

    public boolean isHtml() {
        return isHtml(contentType, page);
    }

    /** The page's title, or its first line of text, shortened to one line. */
    public String title() {
        return title(page);
    }

    static boolean isHtml(String contentType, String page) {
        String start = page.stripLeading().toLowerCase(Locale.ROOT);
        return contentType.contains("html") || start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    static String title(String page) {
        Matcher m = TITLE.matcher(page);
        String t = m.find() ? m.group(1) : page.replaceAll("(?s)<[^>]*>", " ");
        t = t.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    private static String titleClause(String page) {
        String t = title(page);
        return t.isEmpty() ? "" : ", '" + t + "'";
    }
}
