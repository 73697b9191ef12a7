package org.alos2ingest.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

/**
 * The three durable queues behind one {@code --queue NAME}, and how a job message looks:
 * <ul>
 * <li>{@code NAME}: the jobs. A message the broker dead-letters from it (rejected) goes to {@code NAME.dead}.</li>
 * <li>{@code NAME.retry}: failed jobs waiting out their retry delay (a per-message TTL); when it
 * expires the broker moves them back to {@code NAME}.</li>
 * <li>{@code NAME.dead}: jobs that failed every attempt, with the error and the attempt count in
 * their headers, for an operator to read ({@code rabbitmqadmin get}, the management UI) and re-submit.</li>
 * </ul>
 * Messages are persistent, their body is the job's JSON ({@link JobSpec#toJson()}), and the
 * attempt number travels in a header so that it survives a worker's death.
 */
public final class QueueTopology {

    /** Header: the 1-based attempt the message is for. */
    public static final String ATTEMPT = "x-alos2-attempt";
    /** Header of a dead-lettered job: its last error, one line per failure. */
    public static final String ERROR = "x-alos2-error";
    /** Header of a dead-lettered job: how many attempts were made. */
    public static final String ATTEMPTS = "x-alos2-attempts";
    /** Header of a dead-lettered job: when it failed for the last time (ISO 8601 UTC). */
    public static final String FAILED_AT = "x-alos2-failed-at";
    /** Header of a dead-lettered job: which worker gave up on it. */
    public static final String WORKER = "x-alos2-worker";

    private static final int MAX_NAME = 200;

    private QueueTopology() {
    }

    /** Checks a queue name a user gave. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a queue needs a name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new IllegalArgumentException("queue name '" + name.substring(0, 40) + "...' is longer than " + MAX_NAME + " bytes");
        }
        if (name.startsWith("amq.")) {
            throw new IllegalArgumentException("queue name '" + name + "': names starting with 'amq.' are reserved by RabbitMQ");
        }
        if (!name.equals(name.strip()) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("queue name '" + name.strip() + "' has spaces around it or control characters");
        }
        return name;
    }

    public static String retryQueue(String name) {
        return name + ".retry";
    }

    public static String deadQueue(String name) {
        return name + ".dead";
    }

    /** Declares the queues (idempotent; every submitter and worker does it, so either may start first). */
    public static void declare(Channel ch, String name) throws IOException {
        ch.queueDeclare(deadQueue(name), true, false, false, null);
        ch.queueDeclare(name, true, false, false, Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", deadQueue(name)));
        ch.queueDeclare(retryQueue(name), true, false, false, Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", name));
    }

    /** The properties of a job message: persistent JSON, its own id, the attempt it is for. */
    static AMQP.BasicProperties jobProperties(String type, int attempt, Map<String, Object> extraHeaders, String expirationMillis) {
        Map<String, Object> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put(ATTEMPT, attempt);
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(UUID.randomUUID().toString())
                .timestamp(new java.util.Date())
                .type(type)
                .appId("alos2-ingest")
                .headers(headers)
                .expiration(expirationMillis)
                .build();
    }

    /** The attempt a message is for (1 when the header is missing, as on a job submitted by hand). */
    static int attemptOf(AMQP.BasicProperties p) {
        Object v = p.getHeaders() == null ? null : p.getHeaders().get(ATTEMPT);
        if (v instanceof Number n && n.intValue() >= 1) {
            return n.intValue();
        }
        return 1;
    }
}
