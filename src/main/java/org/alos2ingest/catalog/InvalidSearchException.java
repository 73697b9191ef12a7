package org.alos2ingest.catalog;

/**
 * A search a user wrote wrongly: names the parameter ({@code bbox}, {@code datetime}, {@code filter},
 * {@code sortby}, ...) and says what was expected, so that an API can answer 400 with it as it is.
 */
public class InvalidSearchException extends RuntimeException {

    private final String parameter;

    public InvalidSearchException(String parameter, String problem) {
        super(oneLine(parameter) + ": " + oneLine(problem));
        this.parameter = oneLine(parameter);
    }

    /**
     * The message quotes what the user wrote (a parameter's name or value), which may hold line breaks
     * and other control characters: escaped, so that it stays one line in a log, a terminal or a 400.
     */
    private static String oneLine(String raw) {
        String text = String.valueOf(raw);
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    /** The request parameter at fault, as the user wrote its name. */
    public String parameter() {
        return parameter;
    }

    /** The problem without the parameter name. */
    public String problem() {
        return getMessage().substring(parameter.length() + 2);
    }
}
