package org.alos2ingest.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.alos2ingest.ingest.IngestReport;

/**
 * Puts jobs on a durable RabbitMQ queue for {@code alos2-ingest worker}s, on as many machines as
 * there are, to run. Each job is a persistent message whose body is the job's JSON; the broker
 * confirms every one (publisher confirms) before {@link #submit} returns, so a submitted job
 * survives the submitter's exit and a broker restart. The submitter does not wait for the jobs:
 * {@link #awaitAll()} reports each as {@link IngestReport.Status#QUEUED}.
 */
public final class RabbitMqJobQueue implements JobQueue {

    private static final Logger LOG = Logger.getLogger("org.alos2ingest.jobs");
    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final String name;
    private final Broker broker;
    private final Connection connection;
    private final Channel channel;
    private final List<JobSpec> unreported = new ArrayList<>();

    private RabbitMqJobQueue(String name, Broker broker, Connection connection, Channel channel) {
        this.name = name;
        this.broker = broker;
        this.connection = connection;
        this.channel = channel;
    }

    /** Connects, declares the queue (and its retry and dead-letter queues) and turns on publisher confirms. */
    public static RabbitMqJobQueue open(Broker broker, String name) {
        QueueTopology.checkName(name);
        Connection c = broker.connect("submitter");
        try {
            Channel ch = c.createChannel();
            QueueTopology.declare(ch, name);
            ch.confirmSelect();
            return new RabbitMqJobQueue(name, broker, c, ch);
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            throw new QueueException("broker " + broker.address() + ": cannot declare queue " + name + ": " + Errors.message(e), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    public BrokerAddress broker() {
        return broker.address();
    }

    @Override
    public synchronized void submit(JobSpec job) {
        byte[] body = job.toJson().getBytes(StandardCharsets.UTF_8);
        try {
            channel.basicPublish("", name, false, QueueTopology.jobProperties(job.type(), 1, Map.of(), null), body);
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new QueueException("broker " + broker.address() + " did not take job " + job.name() + " on queue " + name + ": "
                    + Errors.message(e), e);
        }
        LOG.fine("queued on " + name + " at " + broker.address() + ": " + job.toJson());
        unreported.add(job);
    }

    /** One QUEUED outcome per job submitted since the last call: their workers report in their own logs. */
    @Override
    public synchronized List<JobResult> awaitAll() {
        List<JobResult> out = new ArrayList<>();
        for (JobSpec j : unreported) {
            IngestReport.Outcome o = new IngestReport.Outcome(IngestReport.Status.QUEUED, null, j.name(),
                    "on queue " + name + " at " + broker.address(), 0);
            out.add(new JobResult(j, List.of(o), List.of(), 0));
        }
        unreported.clear();
        return out;
    }

    /** Jobs waiting on the queue now (not counting those a worker holds). */
    public long waiting() {
        try {
            return channel.messageCount(name);
        } catch (IOException e) {
            throw new QueueException("broker " + broker.address() + ": cannot count queue " + name + ": " + Errors.message(e), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    static void closeQuietly(Connection c) {
        try {
            if (c.isOpen()) {
                c.close(5_000);
            }
        } catch (IOException | RuntimeException e) {
            // the connection is gone already; nothing was left unconfirmed (submit waits for each confirm)
        }
    }

    /** One-line descriptions of client failures, which often carry their reason only in a cause. */
    static final class Errors {
        private Errors() {
        }

        static String message(Throwable e) {
            Throwable x = e;
            while ((x.getMessage() == null || x.getMessage().isBlank()) && x.getCause() != null) {
                x = x.getCause();
            }
            String m = x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
            return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }
}
