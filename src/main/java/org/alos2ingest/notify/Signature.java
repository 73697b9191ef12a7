package org.alos2ingest.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a webhook came from us and was not altered: HMAC-SHA256 of the exact body
 * bytes under the subscription's secret, sent as {@code X-Alos2-Signature: sha256=<hex>} (GitHub's
 * form, which receivers' libraries already check).
 */
public final class Signature {

    public static final String HEADER = "X-Alos2-Signature";
    private static final String PREFIX = "sha256=";

    private Signature() {
    }

    /** The header's value for {@code body}. */
    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(byte[] body, String secret, String header) {
        return header != null && MessageDigest.isEqual(of(body, secret).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
