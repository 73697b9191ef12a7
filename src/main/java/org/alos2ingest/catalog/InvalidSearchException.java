package org.alos2ingest.catalog;

/**
 * A search a user wrote wrongly: names the parameter ({@code bbox}, {@code datetime}, {@code filter},
 * {@code sortby}, ...) and says what was expected, so that an API can answer 400 with it as it is.
 */
public class InvalidSearchException extends RuntimeException {

    private final String parameter;

    public InvalidSearchException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
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
