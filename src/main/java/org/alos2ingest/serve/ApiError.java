package org.alos2ingest.serve;

/**
 * A request the API refuses, with the status and the {@code {"code", "description"}} body a STAC
 * client shows its user. The description names the parameter and what was expected.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiError(int status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    public static ApiError badParameter(String parameter, String problem) {
        return new ApiError(400, "InvalidParameterValue", parameter + ": " + problem);
    }

    public static ApiError notFound(String description) {
        return new ApiError(404, "NotFound", description);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
