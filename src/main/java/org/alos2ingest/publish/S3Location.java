package org.alos2ingest.publish;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publish location in S3: a bucket and a key prefix (the dataset's "folder"), and where the
 * service is. Two spellings are read:
 * <ul>
 *   <li>{@code s3://bucket/key/prefix}: the bucket on the endpoint the environment names (AWS unless
 *       {@code S3_ENDPOINT_URL}/{@code AWS_ENDPOINT_URL_S3}/{@code AWS_ENDPOINT_URL} says otherwise);</li>
 *   <li>{@code s3://host:port/bucket/key/prefix}: HySDS's form (the old datasets.json templates wrote
 *       {@code s3://s3-us-west-2.amazonaws.com:80/bucket/...}): the service is at {@code host}. An
 *       AWS host gives the region and is reached over HTTPS whatever the port; any other host is an
 *       S3-compatible server at {@code http://host:port} ({@code https} for port 443).</li>
 * </ul>
 * An authority with a port, or an {@code amazonaws.com} host name, is a host; otherwise it is a bucket.
 *
 * @param endpoint the endpoint to use instead of AWS's, or null
 * @param region   the region the host names, or null to ask the environment
 */
public record S3Location(String bucket, String prefix, URI endpoint, String region) {

    private static final Pattern AWS_HOST = Pattern.compile("(?:[a-z0-9.-]+\\.)?s3(?:[.-]([a-z0-9-]+))?(?:\\.dualstack)?(?:\\.[a-z0-9-]+)?\\.amazonaws\\.com");
    private static final Pattern REGION = Pattern.compile("s3[.-](?:dualstack\\.)?([a-z]{2}(?:-gov)?-[a-z]+-\\d)\\.");

    public S3Location {
        prefix = prefix.replaceAll("^/+|/+$", "");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket");
        }
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("no key under the bucket: a dataset needs its own folder");
        }
    }

    public static boolean isS3(String location) {
        return location.regionMatches(true, 0, "s3://", 0, 5);
    }

    public static S3Location parse(String location) {
        if (!isS3(location)) {
            throw new IllegalArgumentException("not an s3:// location: " + location);
        }
        String rest = location.substring(5);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + location);
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in " + location);
            }
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        boolean aws = AWS_HOST.matcher(lowerHost).matches();
        if (port < 0 && !aws) {
            return new S3Location(authority, path, null, null);
        }
        int s = path.indexOf('/');
        String bucket = s < 0 ? path : path.substring(0, s);
        String key = s < 0 ? "" : path.substring(s + 1);
        if (aws) {
            Matcher m = REGION.matcher(lowerHost + ".");
            return new S3Location(bucket, key, null, m.find() ? m.group(1) : "us-east-1");
        }
        URI endpoint = URI.create((port == 443 ? "https" : "http") + "://" + host + ":" + port);
        return new S3Location(bucket, key, endpoint, null);
    }

    /** The object key of a file at {@code relative} (slash-separated) under this location. */
    public String key(String relative) {
        return prefix + "/" + relative;
    }

    /** What every key under this location starts with. */
    public String keyPrefix() {
        return prefix + "/";
    }

    @Override
    public String toString() {
        return "s3://" + (endpoint == null ? "" : endpoint.getHost() + ":" + endpoint.getPort() + "/") + bucket + "/" + prefix;
    }
}
