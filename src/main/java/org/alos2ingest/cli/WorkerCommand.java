package org.alos2ingest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.cli.input.Seconds;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.notify.NotifyingCatalog;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.JobTypes;
import org.alos2ingest.jobs.QueueWorker;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.unpack.UnpackLimits;
import org.alos2ingest.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs queued ingest jobs from a RabbitMQ queue into this machine's catalog and publish location, "
                + "--concurrency at a time, until stopped (SIGTERM/SIGINT), --max-jobs are done, or the queue stays idle for --exit-when-idle.",
                "A job is acknowledged only when its datasets are cataloged (or found cataloged already): a worker that dies mid-job "
                + "loses nothing, the broker gives the job to another worker. A failed job is retried --max-retries times, --retry-delay "
                + "apart, then moved with its error to the queue <NAME>.dead.",
                "Logins (AUIG2, Sentinel Asia, download servers) come from this worker's environment and .netrc, as for 'ingest'."})
public final class WorkerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ImagingOptions imaging;

    @Mixin
    FetchOptions fetch;

    @Mixin
    BrokerOptions brokerOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = "alos2-ingest", description = "Queue to take jobs from (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "1", converter = WholeNumbers.AtOnce.class,
            description = "Jobs run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Retries.class,
            description = "Retries of a failed job before it is dead-lettered (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--retry-delay", paramLabel = "SECONDS", defaultValue = "60", converter = Seconds.class,
            description = "Wait before a failed job is run again (default: ${DEFAULT-VALUE}).")
    double retryDelay;

    @Option(names = "--max-jobs", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.Count.class,
            description = "Stop after taking this many jobs (default: no limit).")
    int maxJobs;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Stop when no job has arrived or run for this long.")
    Double exitWhenIdle;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "30", converter = Seconds.class,
            description = "On SIGTERM/SIGINT, how long running jobs may finish before they are put back on the queue (default: ${DEFAULT-VALUE}).")
    double shutdownGrace;

    @Mixin
    UnpackOptions unpack;

    @Override
    public Integer call() {
        common.configureLogging();
        QueueWorker.Settings settings = usage(() -> new QueueWorker.Settings(concurrency, maxRetries, seconds(retryDelay, "--retry-delay"),
                maxJobs, exitWhenIdle == null ? null : seconds(exitWhenIdle, "--exit-when-idle"), seconds(shutdownGrace, "--shutdown-grace")));
        Broker broker = usage(() -> brokerOptions.broker(fetch.netrc)).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "no broker: give --broker amqp://user@host:port/vhost or set $ALOS2_INGEST_BROKER (bin/start-rabbitmq starts one)"));
        UnpackLimits limits = unpack.limits();
        Path workRoot = unpack.workRoot(common.home());
        FetchConfig config = usage(() -> fetch.config(workRoot.resolve("downloads")));
        // several jobs at once share the terminal: no progress bars, one line per job event instead
        IngestOptions options = new IngestOptions(workRoot, common.settings(), common.definitions(), limits, false, false, Progress.silent(), null);
        try (NotifyingCatalog catalog = common.openNotifyingCatalog()) {
            // a worker runs for long: it also delivers what earlier processes left owed
            catalog.notifier().follow();
            IngestJob ingest = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), Renderers.all(imaging.settings(common.settings())));
            QueueWorker worker = new QueueWorker(broker, queue, JobTypes.runner(new JobTypes.Context(ingest, options, catalog, config)),
                    settings, System.out);
            CountDownLatch ended = new CountDownLatch(1);
            Thread onSignal = new Thread(() -> {
                worker.stop();
                try {
                    // keep the JVM up while running jobs finish or are put back on the queue
                    ended.await(settings.shutdownGrace().toMillis() + 15_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "worker-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                worker.run();
            } finally {
                ended.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down (a signal): the hook is running and sees the latch
                }
            }
        }
        return Main.OK;
    }

    private Duration seconds(double s, String option) {
        if (Double.isNaN(s) || s < 0) {
            throw new IllegalArgumentException(option + " must be 0 or more seconds");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private <T> T usage(java.util.function.Supplier<T> s) {
        return Usage.check(spec, s);
    }
}
