package org.alos2ingest.publish;

import software.amazon.awssdk.services.s3.model.S3Exception;

/** What an S3 failure says, in the words an operator looks up: the server's error code and message, or the client's. */
final class S3Errors {

    private S3Errors() {
    }

    static String reason(Exception e) {
        if (e instanceof S3Exception s3e) {
            String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
            String message = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorMessage();
            // a response without a body (HEAD, or a server that sends none) has neither
            return (code == null || code.isBlank() ? "HTTP " + s3e.statusCode() : code + " (HTTP " + s3e.statusCode() + ")")
                    + (message == null || message.isBlank() ? "" : ": " + message);
        }
        return e.getMessage();
    }
}
