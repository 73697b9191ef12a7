package org.alos2ingest.publish;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 clients of one publisher, one per endpoint and region its locations name, made on first use
 * (so that nothing is asked of AWS until an s3:// location is published to) and kept for the next.
 */
final class S3Clients {

    private final URI defaultEndpoint;
    private final AwsCredentialsProvider credentials;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    /**
     * @param defaultEndpoint the endpoint of {@code s3://bucket/...} locations (null: AWS)
     * @param credentials     null for the standard AWS chain
     */
    S3Clients(URI defaultEndpoint, AwsCredentialsProvider credentials) {
        this.defaultEndpoint = defaultEndpoint;
        this.credentials = credentials;
    }

    /** The client for the service a location is on. */
    S3Client of(S3Location loc) {
        URI endpoint = loc.endpoint() != null ? loc.endpoint() : defaultEndpoint;
        return clients.computeIfAbsent(endpoint + "|" + loc.region(), k -> build(endpoint, loc.region()));
    }

    private S3Client build(URI endpoint, String region) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)).connectionTimeout(Duration.ofSeconds(30)))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                // Integrity comes from the size check before the marker goes; optional checksum headers
                // are left out because S3-compatible servers do not all understand them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) {
            b.endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region != null ? region : regionOr("us-east-1")));
        } else {
            b.region(Region.of(region != null ? region : regionOr("us-east-1"))).crossRegionAccessEnabled(true);
        }
        return b.build();
    }

    private static String regionOr(String fallback) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            return fallback;
        }
    }
}
